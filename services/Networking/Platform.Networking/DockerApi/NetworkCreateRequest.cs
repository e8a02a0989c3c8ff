namespace Platform.Networking.DockerApi;

/// <summary>POST /networks/create body (network.CreateRequest). Read case-insensitively; unknown fields are ignored.</summary>
public sealed class NetworkCreateRequest
{
    public string? Name { get; set; }
    public string? Driver { get; set; }
    public string? Scope { get; set; }
    public bool? EnableIPv4 { get; set; }
    public bool? EnableIPv6 { get; set; }
    public IpamRequestBody? IPAM { get; set; }
    public bool Internal { get; set; }
    public bool Attachable { get; set; }
    public bool Ingress { get; set; }
    public bool ConfigOnly { get; set; }
    public Dictionary<string, string>? Options { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
}

public sealed class IpamRequestBody
{
    public string? Driver { get; set; }
    public List<IpamConfigBody>? Config { get; set; }
    public Dictionary<string, string>? Options { get; set; }
}

public sealed class IpamConfigBody
{
    public string? Subnet { get; set; }
    public string? IPRange { get; set; }
    public string? Gateway { get; set; }
    public Dictionary<string, string>? AuxiliaryAddresses { get; set; }
}
