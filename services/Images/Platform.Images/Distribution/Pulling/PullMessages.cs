using Platform.Images.Distribution.Progress;

namespace Platform.Images.Distribution.Pulling;

/// <summary>The pull lines Docker prints, word for word (moby distribution/pull_v2.go, pull.go).</summary>
public static class PullMessages
{
    public const string PullingFsLayer = "Pulling fs layer";
    public const string Waiting = "Waiting";
    public const string Downloading = "Downloading";
    public const string VerifyingChecksum = "Verifying Checksum";
    public const string DownloadComplete = "Download complete";
    public const string Extracting = "Extracting";
    public const string PullComplete = "Pull complete";
    public const string AlreadyExists = "Already exists";

    /// <summary><c>{"status":"Pulling from library/busybox","id":"latest"}</c>.</summary>
    public static JsonMessage PullingFrom(RemoteReference reference) =>
        JsonMessage.Message(reference.Digest?.ToString() ?? reference.Tag ?? "latest", "Pulling from " + reference.Repository);

    public static JsonMessage Digest(Content.Digest digest) => JsonMessage.Message(null, "Digest: " + digest);

    /// <summary><c>Status: Downloaded newer image for busybox:latest</c> or <c>Status: Image is up to date for …</c>.</summary>
    public static JsonMessage FinalStatus(RemoteReference reference, bool downloadedNewer) => JsonMessage.Message(null,
        downloadedNewer ? $"Status: Downloaded newer image for {reference.Familiar}" : $"Status: Image is up to date for {reference.Familiar}");

    public static JsonMessage Retrying(string id, TimeSpan delay)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds));
        return JsonMessage.Update(id, $"Retrying in {seconds} second{(seconds == 1 ? "" : "s")}");
    }
}
