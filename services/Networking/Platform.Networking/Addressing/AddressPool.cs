namespace Platform.Networking.Addressing;

/// <summary>A block networks get subnets of <see cref="Size"/> bits from (Docker's default-address-pools entry).</summary>
public sealed class AddressPool
{
    public string Base { get; set; } = "";
    public int Size { get; set; }

    /// <summary>172.18.0.0/16 … 172.31.0.0/16, then the /20s of 192.168.0.0/16.</summary>
    public static readonly IReadOnlyList<AddressPool> Defaults =
    [
        new() { Base = "172.18.0.0/15", Size = 16 },
        new() { Base = "172.20.0.0/14", Size = 16 },
        new() { Base = "172.24.0.0/13", Size = 16 },
        new() { Base = "192.168.0.0/16", Size = 20 },
    ];

    /// <summary>Every subnet of the pool, in address order.</summary>
    public IEnumerable<Ipv4Subnet> Subnets()
    {
        var block = Ipv4Subnet.Parse(Base);
        if (Size < block.Prefix || Size > 30) throw new InvalidOperationException($"address pool {Base}: size {Size} must be between {block.Prefix} and 30");
        var step = 1UL << (32 - Size);
        for (ulong network = block.Network; network <= block.Broadcast; network += step)
            yield return new Ipv4Subnet((uint)network, Size);
    }
}
