using Platform.Images.Images;
using Platform.Images.Images.Format;

namespace Platform.Images.Api.Tests.Unit.Images;

/// <summary>Histories for Given(events) → When(command) → Then(events): folded exactly as the store folds them.</summary>
static class Given
{
    public const string Host = "host-1";
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static string Id(char c) => "sha256:" + new string(c, 64);

    public static ImageContent Content(char id, IReadOnlyDictionary<string, string>? labels = null, DateTimeOffset? created = null, long layerSize = 100) =>
        new(Id(id), MediaTypes.DockerConfig, "sha256:" + new string('f', 64), MediaTypes.DockerManifest, 300,
            [new ImageLayer(Id((char)(id + 1)), Id((char)(id + 1)), MediaTypes.DockerLayer, layerSize, layerSize)],
            "amd64", "linux", null, created ?? Now.AddDays(-1), labels);

    public static ImageImported Imported(char id, IReadOnlyDictionary<string, string>? labels = null, DateTimeOffset? created = null) =>
        new(Id(id), Host, Content(id, labels, created), "-", Now.AddHours(-2));

    public static ImageTagged Tagged(char id, string reference) => new(Id(id), Host, reference, Now.AddHours(-1));

    public static Image? NoHistory => null;

    public static Image Image(params object[] history) =>
        history.Aggregate((Image?)null, (state, e) => Platform.Images.Images.Image.Fold(state, e))!;
}
