namespace Platform.Images.Distribution;

/// <summary>
/// Registry client settings, bound from the <c>Images</c> configuration section
/// (<c>Images:InsecureRegistries:0=registry.lan:5000</c>, <c>Images:MaxConcurrentDownloads=3</c>, …).
/// </summary>
public sealed class DistributionOptions
{
    public const string Section = "Images";

    /// <summary>
    /// Registries reached without TLS verification, as Docker's <c>insecure-registries</c>: <c>host[:port]</c> or a CIDR
    /// (matched against literal IP hosts). HTTPS is tried first with certificate checks off, then plain HTTP.
    /// Loopback hosts (localhost, 127.0.0.0/8, ::1) are always plain HTTP and need no entry.
    /// </summary>
    public List<string> InsecureRegistries { get; set; } = [];

    /// <summary>Layers downloaded at once per pull (moby's default is 3).</summary>
    public int MaxConcurrentDownloads { get; set; } = 3;

    /// <summary>Blobs uploaded at once per push (moby's default is 5).</summary>
    public int MaxConcurrentUploads { get; set; } = 5;

    /// <summary>Attempts per blob transfer (first try included) on transient failures.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Delay before the second attempt; doubled for each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A blob download that receives nothing for this long is dropped and resumed (a transient failure).</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public string UserAgent { get; set; } = "platform-images/1.0";
}
