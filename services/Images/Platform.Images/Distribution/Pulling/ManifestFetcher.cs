using System.Net;
using Platform.Images.Content;
using Platform.Images.Distribution.Errors;
using Platform.Images.Distribution.Manifests;
using Platform.Images.Distribution.Transport;

namespace Platform.Images.Distribution.Pulling;

/// <summary>
/// GET a manifest with the four manifest types in Accept; verify it hashes to the digest asked for (or, by tag, to
/// <c>Docker-Content-Digest</c> when sent); type it. Registry errors read like Docker's pull errors.
/// </summary>
internal static class ManifestFetcher
{
    const long MaxManifestBytes = 4 * 1024 * 1024;

    public static Task<ImageManifest> FetchAsync(RegistrySession session, RemoteReference reference, CancellationToken ct) =>
        Retry.RunAsync(session, async _ =>
        {
            using var response = await session.SendAsync(HttpMethod.Get, session.PathOf("manifests/" + reference.Reference), ct,
                request =>
                {
                    foreach (var type in MediaTypes.Accept) request.Headers.Accept.ParseAdd(type);
                });
            if (!response.IsSuccessStatusCode) throw Translate(await RegistryErrors.FromResponseAsync(response, ct), reference);

            var bytes = await Bodies.ReadLimitedAsync(response.Content, MaxManifestBytes, "manifest", ct);
            var actual = Digest.Of(bytes);
            if (reference.Digest is { } expected && actual != expected)
                throw new RegistryVerificationException($"manifest verification failed for digest {expected}");
            if (reference.Digest is null && response.Headers.TryGetValues("Docker-Content-Digest", out var headers)
                && Digest.TryParse(headers.FirstOrDefault(), out var announced) && announced != actual)
                throw new RegistryVerificationException(
                    $"manifest verification failed for {reference.Familiar}: registry announced {announced}, content is {actual}");
            return ImageManifest.Parse(bytes, response.Content.Headers.ContentType?.MediaType, actual, reference.Familiar);
        }, ct);

    /// <summary>moby's translatePullError wording, with the status the Docker API should answer.</summary>
    static RegistryException Translate(RegistryException error, RemoteReference reference) => error.Code switch
    {
        RegistryError.ManifestUnknown => new RegistryException(
            $"manifest for {reference.Familiar} not found: {error.Message}", 404, error.Errors, error.RegistryStatus),
        RegistryError.NameUnknown => new RegistryException(
            $"repository {reference.FamiliarName} not found: {error.Message}", 404, error.Errors, error.RegistryStatus),
        RegistryError.Denied => new RegistryException(
            $"pull access denied for {reference.FamiliarName}, repository does not exist or may require 'docker login': {error.Message}",
            403, error.Errors, error.RegistryStatus),
        null when error.RegistryStatus == HttpStatusCode.NotFound => new RegistryException(
            $"manifest for {reference.Familiar} not found: manifest unknown", 404, error.Errors, error.RegistryStatus),
        _ => error,
    };
}
