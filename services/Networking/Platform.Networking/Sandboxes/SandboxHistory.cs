namespace Platform.Networking.Sandboxes;

/// <summary>Folds a sandbox stream's events as Marten's snapshot does, in memory.</summary>
public static class SandboxHistory
{
    public static SandboxState Fold(SandboxState? state, object e) => (state, e) switch
    {
        (_, SandboxCreated created) => SandboxState.Create(created),
        ({ } sandbox, SandboxEndpointAttached attached) => sandbox.Apply(attached),
        ({ } sandbox, SandboxEndpointDetached detached) => sandbox.Apply(detached),
        ({ } sandbox, SandboxRemoved removed) => sandbox.Apply(removed),
        _ => throw new InvalidOperationException($"{e.GetType().Name} cannot follow {(state is null ? "an empty stream" : "a sandbox")}"),
    };
}
