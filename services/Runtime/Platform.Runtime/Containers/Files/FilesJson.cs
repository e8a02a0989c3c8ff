using System.Text.Json.Serialization;
using Platform.Runtime.Containers.Files.Changes;

namespace Platform.Runtime.Containers.Files;

/// <summary>The file routes' shapes, source-generated: the path stat (lower-case names, as moby tags them) and changes.</summary>
[JsonSerializable(typeof(PathStat))]
[JsonSerializable(typeof(List<ContainerChange>))]
public sealed partial class FilesJson : JsonSerializerContext;
