namespace Platform.Images.References;

/// <summary>A string that is not a valid reference, with distribution/reference's message ("invalid reference format").</summary>
public sealed class ReferenceFormatException(string message) : FormatException(message)
{
    public const string InvalidFormat = "invalid reference format";
}
