using Platform.Images.Content;

namespace Platform.Images.Archives.Staging;

/// <summary>A file written to a staging area, with the digest and size of its bytes.</summary>
public sealed record StagedBlob(string Path, Digest Digest, long Size);
