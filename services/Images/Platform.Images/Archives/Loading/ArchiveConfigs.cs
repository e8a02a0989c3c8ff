using Platform.Images.Archives.Staging;
using Platform.Images.Images;
using Platform.Images.Images.Format;

namespace Platform.Images.Archives.Loading;

/// <summary>Configs met in archives: parsed strictly enough to load, and turned into the content record.</summary>
public static class ArchiveConfigs
{
    public static ImageConfigFile Parse(byte[] json)
    {
        ImageConfigFile config;
        try
        {
            config = ImageConfigFile.Parse(json);
        }
        catch (FormatException error)
        {
            throw ImageError.BadRequest(error.Message);
        }
        if (config.Os.Length > 0 && config.Os != HostPlatform.Os)
            throw ImageError.BadRequest($"cannot load {config.Os} image on {HostPlatform.Os}");
        return config;
    }

    public static ImageContent Content(StagedBlob config, string configMediaType, ImageConfigFile parsed, StagedBlob manifest,
        string manifestMediaType, IReadOnlyList<ImageLayer> layers) =>
        new(config.Digest.ToString(), configMediaType, manifest.Digest.ToString(), manifestMediaType, manifest.Size, layers,
            parsed.Architecture, parsed.Os.Length > 0 ? parsed.Os : HostPlatform.Os, parsed.Variant, parsed.Created, parsed.Labels);
}
