namespace Platform.Runtime.Engine.Spec;

/// <summary>A resolved container user: ids, supplementary groups from /etc/group, and the home directory.</summary>
sealed record ResolvedUser(uint Uid, uint Gid, List<uint> AdditionalGids, string Home);

/// <summary>Resolves Docker's User ("uid", "uid:gid", "name", "name:group") against the container's /etc/passwd and /etc/group.</summary>
static class UserResolver
{
    public static ResolvedUser Resolve(string rootfs, string user)
    {
        var passwd = ReadTable(Path.Combine(rootfs, "etc", "passwd"));
        var groups = ReadTable(Path.Combine(rootfs, "etc", "group"));
        var (userPart, groupPart) = Split(string.IsNullOrEmpty(user) ? "0" : user);

        var entry = passwd.FirstOrDefault(e => e.Length > 3 && (e[0] == userPart || e[2] == userPart));
        uint uid, gid = 0;
        var home = "/";
        if (entry is not null)
        {
            uid = uint.Parse(entry[2]);
            gid = uint.TryParse(entry[3], out var g) ? g : 0;
            home = entry.Length > 5 && entry[5].Length > 0 ? entry[5] : "/";
        }
        else if (!uint.TryParse(userPart, out uid))
            throw new EngineException($"unable to find user {userPart}: no matching entries in passwd file", 400);

        if (groupPart is not null)
        {
            var group = groups.FirstOrDefault(e => e.Length > 2 && (e[0] == groupPart || e[2] == groupPart));
            if (group is not null) gid = uint.Parse(group[2]);
            else if (!uint.TryParse(groupPart, out gid))
                throw new EngineException($"unable to find group {groupPart}: no matching entries in group file", 400);
        }

        var name = entry?[0];
        var additional = name is null ? [] : groups
            .Where(e => e.Length > 3 && e[3].Split(',').Contains(name) && uint.TryParse(e[2], out _))
            .Select(e => uint.Parse(e[2])).Where(g => g != gid).Distinct().ToList();
        return new ResolvedUser(uid, gid, additional, home);
    }

    static (string User, string? Group) Split(string spec)
    {
        var colon = spec.IndexOf(':');
        return colon < 0 ? (spec, null) : (spec[..colon], spec[(colon + 1)..]);
    }

    static List<string[]> ReadTable(string path)
    {
        if (!File.Exists(path)) return [];
        return File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(':')).ToList();
    }
}
