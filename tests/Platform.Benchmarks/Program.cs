using Platform.Benchmarks;

// Side-by-side benchmarks: the platform against dockerd and podman, same work, one run. See run.sh.
var options = Options.Parse(args, Console.Error, out var exitCode);
if (options is null)
    return exitCode;
return await Harness.RunAsync(options);
