namespace Platform.Runtime.Engine.Spec;

/// <summary>Docker's process environment: PATH default, HOSTNAME, TERM for a TTY, HOME from passwd, then the caller's variables.</summary>
static class ProcessEnvironment
{
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static List<string> Build(IReadOnlyList<string> env, string hostname, bool tty, string home)
    {
        var result = new List<string> { "PATH=" + DefaultPath };
        if (hostname.Length > 0) result.Add("HOSTNAME=" + hostname);
        if (tty) result.Add("TERM=xterm");
        foreach (var variable in env) Set(result, variable);
        if (!result.Any(v => v.StartsWith("HOME=", StringComparison.Ordinal))) result.Add("HOME=" + home);
        return result;
    }

    /// <summary>Replaces a variable of the same name or appends it.</summary>
    public static void Set(List<string> env, string variable)
    {
        var name = variable.Split('=', 2)[0];
        var index = env.FindIndex(v => v.Split('=', 2)[0] == name);
        if (index >= 0) env[index] = variable; else env.Add(variable);
    }
}
