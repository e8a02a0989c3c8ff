namespace Platform.Networking.DataPlane.Isolation;

/// <summary>Puts a network's isolation rules in place (only those missing) and takes them out again.</summary>
internal sealed class NetworkIsolation(Iptables iptables)
{
    public Task EnsureAsync(string bridge, bool isInternal, CancellationToken ct) => iptables.ExclusiveAsync(async () =>
    {
        var current = await iptables.ListAsync(ct);
        foreach (var chain in IsolationRules.Chains.Where(c => !current.Contains($"-N {c}")))
            await iptables.CreateChainAsync(chain, ct);
        var wanted = IsolationRules.For(bridge, isInternal);
        var changes = current.Where(rule => IsolationRules.BelongsTo(rule, bridge) && !wanted.Contains(rule)).Select(Deletion)
            .Concat(IsolationRules.Skeleton.Where(rule => !current.Contains(rule)).Select(FirstInChain))
            .Concat(wanted.Where(rule => !current.Contains(rule)))
            .ToList();
        await iptables.ApplyAsync(changes, ct);
        return true;
    }, ct);

    /// <summary>Removes every rule of the platform's chains that names the bridge (also from an earlier, other plan).</summary>
    public Task RemoveAsync(string bridge, CancellationToken ct) => iptables.ExclusiveAsync(async () =>
    {
        var current = await iptables.ListAsync(ct);
        var changes = current.Where(rule => IsolationRules.BelongsTo(rule, bridge)).Select(Deletion).ToList();
        await iptables.ApplyAsync(changes, ct);
        return true;
    }, ct);

    /// <summary>The rules left on this host that name <paramref name="bridge"/>.</summary>
    public async Task<IReadOnlyList<string>> RulesOfAsync(string bridge, CancellationToken ct) =>
        (await iptables.ListAsync(ct)).Where(rule => IsolationRules.BelongsTo(rule, bridge)).ToList();

    static string Deletion(string rule) => "-D" + rule[2..];

    static string FirstInChain(string rule)
    {
        var chain = rule.Split(' ')[1];
        return $"-I {chain} 1{rule[(3 + chain.Length)..]}";
    }
}
