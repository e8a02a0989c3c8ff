namespace Platform.Runtime.Oci;

/// <summary>
/// runc's command line as conmon and the engine write it: global flags, the command, its flags (`--name value`,
/// `--name=value` or a bare switch) and positionals, the container id first.
/// </summary>
sealed class OciOptions
{
    /// <summary>Flags that take a value; every other flag is a switch.</summary>
    static readonly HashSet<string> Valued =
        ["root", "log", "log-format", "bundle", "b", "pid-file", "console-socket", "process", "p", "preserve-fds", "cwd", "user", "u", "env", "e"];

    static readonly Dictionary<string, string> Short = new() { ["b"] = "bundle", ["p"] = "process", ["d"] = "detach", ["t"] = "tty", ["f"] = "force", ["a"] = "all", ["u"] = "user", ["e"] = "env" };

    readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public string Command { get; private set; } = "";
    public List<string> Positional { get; } = [];
    public string Root => Value("root") ?? "/run/platform-oci";
    public string Id => Positional.Count > 0 ? Positional[0] : throw new OciException($"{Command} needs a container id");

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    public static OciOptions Parse(IReadOnlyList<string> args)
    {
        var options = new OciOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith('-') && arg.Length > 1)
            {
                var name = arg.TrimStart('-');
                string? value = null;
                if (name.IndexOf('=') is var eq && eq > 0) (name, value) = (name[..eq], name[(eq + 1)..]);
                var key = Short.GetValueOrDefault(name, name);
                if (value is null && Valued.Contains(name))
                {
                    if (i + 1 >= args.Count) throw new OciException($"flag needs an argument: {arg}");
                    value = args[++i];
                }
                if (value is null) options._flags.Add(key);
                else options._values[key] = value;
            }
            else if (options.Command.Length == 0) options.Command = arg;
            else options.Positional.Add(arg);
        }
        if (options.Command.Length == 0) throw new OciException("no command given");
        return options;
    }
}

/// <summary>Signals by number or by name, with or without SIG.</summary>
static class Signals
{
    static readonly string[] Names =
    [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM",
        "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
    ];

    public static int Parse(string value)
    {
        if (int.TryParse(value, out var number) && number is > 0 and <= 64) return number;
        var name = value.ToUpperInvariant();
        if (name.StartsWith("SIG", StringComparison.Ordinal)) name = name[3..];
        var index = Array.IndexOf(Names, name);
        return index > 0 ? index : throw new OciException($"invalid signal \"{value}\"");
    }
}
