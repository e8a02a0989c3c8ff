namespace Platform.Images.Distribution.Transport;

/// <summary>What a session does to its repository; decides the token scope asked for.</summary>
public enum RegistryAccess
{
    Pull,
    Push,
}
