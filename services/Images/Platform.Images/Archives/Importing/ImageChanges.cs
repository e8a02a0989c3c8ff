using Platform.Images.Images;

namespace Platform.Images.Archives.Importing;

/// <summary>
/// docker import --change / commit -c: Dockerfile instructions applied to the run config (moby's BuildFromConfig).
/// Supported: CMD, ENTRYPOINT, ENV, LABEL, EXPOSE, VOLUME, WORKDIR, USER, STOPSIGNAL, ONBUILD. Any other
/// instruction is Docker's 400 "x is not a valid change command"; HEALTHCHECK is valid in Docker but not here yet.
/// </summary>
public static class ImageChanges
{
    static readonly string[] Valid = ["cmd", "entrypoint", "healthcheck", "env", "expose", "label", "onbuild", "stopsignal", "user", "volume", "workdir"];

    public static RunConfig Apply(RunConfig config, IReadOnlyList<string> changes)
    {
        var instructions = ChangeSyntax.Instructions(string.Join('\n', changes)).ToList();
        foreach (var (keyword, _) in instructions)
            if (!Valid.Contains(keyword)) throw ImageError.BadRequest($"{keyword} is not a valid change command");
        var cmdSet = false;
        foreach (var (keyword, rest) in instructions)
        {
            try
            {
                Dispatch(config, keyword, rest, ref cmdSet);
            }
            catch (FormatException error)
            {
                throw ImageError.BadRequest(error.Message);
            }
        }
        return config;
    }

    static void Dispatch(RunConfig config, string keyword, string rest, ref bool cmdSet)
    {
        switch (keyword)
        {
            case "cmd":
                config.Cmd = ChangeSyntax.Command(config, rest);
                cmdSet = true;
                break;
            case "entrypoint":
                config.Entrypoint = ChangeSyntax.Command(config, rest);
                if (!cmdSet) config.Cmd = null;
                break;
            case "env":
                foreach (var (name, value) in ChangeSyntax.Pairs("ENV", rest, config)) config.SetVariable(name, value);
                break;
            case "label":
                config.Labels ??= new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, value) in ChangeSyntax.Pairs("LABEL", rest, config)) config.Labels[name] = value;
                break;
            case "expose":
                var ports = ChangeWords.Split(rest, config.Variable);
                if (ports.Count == 0) throw new FormatException("EXPOSE requires at least one argument");
                config.ExposedPorts ??= new SortedSet<string>(StringComparer.Ordinal);
                foreach (var port in ports.SelectMany(ChangeSyntax.ExposedPorts)) config.ExposedPorts.Add(port);
                break;
            case "volume":
                var volumes = ChangeSyntax.JsonArray(rest) ?? ChangeWords.Split(rest, config.Variable);
                if (volumes.Count == 0) throw new FormatException("VOLUME requires at least one argument");
                config.Volumes ??= new SortedSet<string>(StringComparer.Ordinal);
                foreach (var volume in volumes.Select(v => v.Trim()))
                    config.Volumes.Add(volume.Length > 0 ? volume : throw new FormatException("VOLUME specified can not be an empty string"));
                break;
            case "workdir":
                var directory = ChangeWords.Word(rest, config.Variable);
                if (directory.Length == 0) throw new FormatException("WORKDIR requires exactly one argument");
                config.WorkingDir = ChangeSyntax.CleanPath(directory.StartsWith('/') ? directory : "/" + config.WorkingDir + "/" + directory);
                break;
            case "user":
                config.User = ChangeWords.Word(rest, config.Variable);
                if (config.User.Length == 0) throw new FormatException("USER requires exactly one argument");
                break;
            case "stopsignal":
                var signal = ChangeWords.Word(rest, config.Variable);
                config.StopSignal = Signals.IsValid(signal) ? signal : throw new FormatException($"Invalid signal: {signal}");
                break;
            case "onbuild":
                var trigger = rest.Trim().Split(' ', 2)[0].ToUpperInvariant();
                if (trigger is "" or "ONBUILD" or "FROM" or "MAINTAINER")
                    throw new FormatException(trigger.Length == 0 ? "ONBUILD requires at least one argument" : $"{trigger} isn't allowed as an ONBUILD trigger");
                (config.OnBuild ??= []).Add(rest.Trim());
                break;
            default:
                throw new FormatException($"{keyword.ToUpperInvariant()} changes are not supported yet");
        }
    }

}
