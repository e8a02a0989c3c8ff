using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Platform.Images.Tests")]
