using Platform.ServiceDefaults.DockerApi;

namespace Platform.ServiceDefaults.Hijack;

/// <summary>
/// The Docker requests that take over their connection (docker-api.md §6.1), with or without the
/// <c>/v{X.Y}</c> prefix: <c>POST /containers/{id}/attach</c>, <c>POST /exec/{id}/start</c>, and the
/// platform's diagnostics echo <c>POST /_platform/echo</c> (answers 101 and echoes bytes until half-close).
/// Whether the client sent <c>Upgrade: tcp</c> does not matter: Docker.DotNet 3.125 does not.
/// </summary>
public static class DockerHijackRoutes
{
    public static bool IsHijack(RawRequestHead head) => IsAttachOrExecStart(head) || IsDiagnosticEcho(head);

    public static bool IsAttachOrExecStart(RawRequestHead head)
    {
        if (head.Method != "POST") return false;
        var segments = Segments(head.Path);
        return segments is ["containers", { Length: > 0 }, "attach"] or ["exec", { Length: > 0 }, "start"];
    }

    public static bool IsDiagnosticEcho(RawRequestHead head) =>
        head.Method == "POST" && Segments(head.Path) is ["_platform", "echo"];

    /// <summary>The path's segments after an optional version prefix (digits and dots, as moby matches).</summary>
    static string[] Segments(string path)
    {
        if (DockerApiMiddleware.TrySplitVersion(path, out _, out var rest)) path = rest;
        return path.Length > 1 && path[0] == '/' ? path[1..].Split('/') : [];
    }
}
