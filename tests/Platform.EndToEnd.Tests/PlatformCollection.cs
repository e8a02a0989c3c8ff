namespace Platform.EndToEnd.Tests;

/// <summary>Every end-to-end test shares one booted platform (<see cref="PlatformFixture"/>, in Platform.Testing).</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
