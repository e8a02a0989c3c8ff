using System.Diagnostics;

namespace Platform.Runtime.Tests.Integration.Engine;

/// <summary>A tiny root filesystem: the static busybox with its applets, /etc/passwd and /etc/group. Built once per run.</summary>
public static class BusyboxRootfs
{
    static readonly Lazy<string> Tree = new(Build);

    public static string Path => Tree.Value;

    static string Build()
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "engine-busybox-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var dir in new[] { "bin", "sbin", "usr/bin", "usr/sbin", "etc", "proc", "sys", "dev", "tmp", "root", "home/app" })
            Directory.CreateDirectory(System.IO.Path.Combine(root, dir));
        File.Copy("/bin/busybox", System.IO.Path.Combine(root, "bin", "busybox"));
        // The copy's write descriptor lives on for a moment in any process this test process forks meanwhile (until that
        // child execs), and running the file then fails with "Text file busy": try again shortly after.
        for (var attempt = 1; ; attempt++)
        {
            var install = Process.Start(new ProcessStartInfo("chroot", [root, "/bin/busybox", "--install", "-s"]) { RedirectStandardError = true })!;
            var error = install.StandardError.ReadToEnd();
            install.WaitForExit();
            if (install.ExitCode == 0) break;
            if (attempt < 10 && error.Contains("Text file busy", StringComparison.Ordinal)) { Thread.Sleep(100); continue; }
            throw new InvalidOperationException("busybox --install failed: " + error);
        }
        File.WriteAllText(System.IO.Path.Combine(root, "etc", "passwd"),
            "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
        File.WriteAllText(System.IO.Path.Combine(root, "etc", "group"),
            "root:x:0:\napp:x:1000:\nstaff:x:50:app\nnogroup:x:65534:\n");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(root, recursive: true); } catch (IOException) { } };
        if (OperatingSystem.IsLinux()) File.SetUnixFileMode(System.IO.Path.Combine(root, "tmp"), (UnixFileMode)0b1_111_111_111);
        return root;
    }
}
