using System.Runtime.CompilerServices;

// The engine's spec builders and parsers are internal; their unit tests live in Platform.Runtime.Tests/Unit/Engine.
[assembly: InternalsVisibleTo("Platform.Runtime.Tests")]
