namespace Platform.Images.Images.Format;

/// <summary>The OCI and Docker schema2 media types an image store meets (registry-image.md §4.5).</summary>
public static class MediaTypes
{
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciLayer = "application/vnd.oci.image.layer.v1.tar";
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string OciLayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd";

    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";
    public const string DockerLayer = "application/vnd.docker.image.rootfs.diff.tar";
    public const string DockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    public static bool IsIndex(string? mediaType) => mediaType is OciIndex or DockerManifestList;
    public static bool IsManifest(string? mediaType) => mediaType is OciManifest or DockerManifest;
    public static bool IsConfig(string? mediaType) => mediaType is OciConfig or DockerConfig;

    /// <summary>Layers this store keeps and unpacks: plain tar or gzip, OCI or Docker spelling.</summary>
    public static LayerCompression? LayerCompressionOf(string? mediaType) => mediaType switch
    {
        OciLayer or DockerLayer => LayerCompression.None,
        OciLayerGzip or DockerLayerGzip => LayerCompression.Gzip,
        _ => null,
    };
}

public enum LayerCompression
{
    None,
    Gzip,
}
