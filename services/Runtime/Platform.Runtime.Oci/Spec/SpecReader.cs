using System.Text.Json;

namespace Platform.Runtime.Oci.Spec;

/// <summary>
/// Reads config.json and process.json into the spec records over a JsonDocument. platform-oci is a fresh process per
/// container: the serializer's first use (building its metadata for every record, reflection included) cost about
/// 5 ms in each of its two processes, a document and these few lines well under one.
/// </summary>
static class SpecReader
{
    public static OciSpec Spec(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var rootfs = root.GetProperty("root");
        return new OciSpec(
            Str(root, "ociVersion") ?? "",
            Process(root.GetProperty("process")),
            new OciRoot(Str(rootfs, "path") ?? throw new JsonException("root.path is required"), Bool(rootfs, "readonly")),
            Str(root, "hostname") ?? "",
            List(root, "mounts", m => new OciMount(Str(m, "destination") ?? "", Str(m, "type") ?? "", Str(m, "source") ?? "", Strings(m, "options") ?? [])) ?? [],
            Linux(root.GetProperty("linux")));
    }

    public static OciProcess Process(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return Process(document.RootElement);
    }

    static OciProcess Process(JsonElement p)
    {
        var user = p.GetProperty("user");
        return new OciProcess(
            Bool(p, "terminal"),
            p.TryGetProperty("consoleSize", out var box) && box.ValueKind == JsonValueKind.Object
                ? new OciBox(box.GetProperty("height").GetInt32(), box.GetProperty("width").GetInt32()) : null,
            new OciUser(user.GetProperty("uid").GetUInt32(), user.GetProperty("gid").GetUInt32(), List(user, "additionalGids", g => g.GetUInt32())),
            Strings(p, "args") ?? [],
            Strings(p, "env") ?? [],
            Str(p, "cwd") ?? "/",
            Object(p, "capabilities") is { } caps
                ? new OciCapabilities(Strings(caps, "bounding") ?? [], Strings(caps, "effective") ?? [], Strings(caps, "permitted") ?? []) : null,
            List(p, "rlimits", r => new OciRlimit(Str(r, "type") ?? "", r.GetProperty("hard").GetUInt64(), r.GetProperty("soft").GetUInt64())) ?? [],
            Bool(p, "noNewPrivileges"));
    }

    static OciLinux Linux(JsonElement l)
    {
        var r = l.GetProperty("resources");
        var resources = new OciResources(
            List(r, "devices", d => new OciDeviceRule(Bool(d, "allow"), Str(d, "access") ?? "")) ?? [],
            Object(r, "memory") is { } m ? new OciMemory(Long(m, "limit"), Long(m, "swap")) : null,
            Object(r, "cpu") is { } c ? new OciCpu((ulong?)Long(c, "shares"), Long(c, "quota"), (ulong?)Long(c, "period")) : null,
            Object(r, "pids") is { } p ? new OciPids(p.GetProperty("limit").GetInt64()) : null);
        return new OciLinux(
            resources,
            Str(l, "cgroupsPath") ?? "",
            List(l, "namespaces", n => new OciNamespace(Str(n, "type") ?? "", Str(n, "path"))) ?? [],
            Strings(l, "maskedPaths"),
            Strings(l, "readonlyPaths"),
            Object(l, "seccomp") is { } s
                ? new OciSeccomp(Str(s, "defaultAction") ?? "SCMP_ACT_ALLOW", Strings(s, "architectures") ?? [],
                    List(s, "syscalls", Syscall) ?? [])
                : null);
    }

    static OciSyscall Syscall(JsonElement s) => new(
        Strings(s, "names") ?? [],
        Str(s, "action") ?? "",
        s.TryGetProperty("errnoRet", out var errno) && errno.ValueKind == JsonValueKind.Number ? errno.GetUInt32() : null,
        List(s, "args", a => new OciSyscallArg(a.GetProperty("index").GetUInt32(), a.GetProperty("value").GetUInt64(),
            a.TryGetProperty("valueTwo", out var two) ? two.GetUInt64() : 0, Str(a, "op") ?? "")));

    static JsonElement? Object(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    static List<string>? Strings(JsonElement e, string name) => List(e, name, s => s.GetString() ?? "");

    static List<T>? List<T>(JsonElement e, string name, Func<JsonElement, T> item)
    {
        if (!e.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array) return null;
        var list = new List<T>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray()) list.Add(item(element));
        return list;
    }
}
