using Platform.Images.Content;
using Platform.Images.Distribution.Auth;
using Platform.Images.Distribution.Progress;

namespace Platform.Images.Distribution.Pushing;

/// <summary>
/// Push the manifest (or index) <paramref name="Manifest"/>, which must be in the content store together with
/// everything it references, to <paramref name="Target"/>: by its tag, or by digest when the target has no tag.
/// <see cref="MediaType"/> overrides the manifest's own <c>mediaType</c> (needed only for OCI manifests without one
/// that should not be guessed); <see cref="MountFrom"/> names a repository on the same registry to mount blobs from.
/// </summary>
public sealed record PushRequest(RemoteReference Target, Digest Manifest, RegistryCredentials? Credentials = null)
{
    public string? MediaType { get; init; }
    public string? MountFrom { get; init; }
}

/// <summary>The pushed manifest: digest and byte size as the registry stored them (<c>latest: digest: … size: N</c>).</summary>
public sealed record PushResult(RemoteReference Target, Digest Digest, long Size, string MediaType);

/// <summary>The push lines Docker prints (moby distribution/push_v2.go, push.go).</summary>
public static class PushMessages
{
    public const string Preparing = "Preparing";
    public const string Waiting = "Waiting";
    public const string Pushing = "Pushing";
    public const string Pushed = "Pushed";
    public const string LayerAlreadyExists = "Layer already exists";

    public static JsonMessage RefersTo(RemoteReference target) =>
        JsonMessage.Message(null, $"The push refers to repository [{target.Name}]");

    public static string MountedFrom(string repository) => "Mounted from " + repository;

    /// <summary><c>latest: digest: sha256:… size: 528</c> (without a tag: <c>digest: … size: …</c>).</summary>
    public static JsonMessage Digest(string? tag, Content.Digest digest, long size) =>
        JsonMessage.Message(null, $"{(tag is null ? "" : tag + ": ")}digest: {digest} size: {size}");

    /// <summary><c>{"progressDetail":{},"aux":{"Tag":"latest","Digest":"sha256:…","Size":528}}</c>.</summary>
    public static JsonMessage Aux(string? tag, Content.Digest digest, long size) =>
        JsonMessage.AuxMessage(JsonMessageFormat.Aux(new PushAux(tag ?? "", digest.ToString(), size)));
}
