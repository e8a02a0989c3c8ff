using System.Runtime.InteropServices;
using Platform.Runtime.Engine.Native;

namespace Platform.Runtime.Engine.Rootfs;

/// <summary>
/// Makes a container's root filesystem from a <see cref="RootfsPlan"/>: an overlay of the read-only snapshot dirs with
/// the container's own upper/work dirs mounted at merged/, or a full copy of a vfs tree into rootfs/.
/// </summary>
sealed class RootfsMounter
{
    const int PageLimit = 4095; // mount(2) data must fit one page including its NUL

    static readonly bool IndexOption = File.Exists("/sys/module/overlay/parameters/index");

    /// <summary>The rootfs path a container would have, whether it is mounted yet or not.</summary>
    public static string? Existing(string containerDir) =>
        new[] { Path.Combine(containerDir, "merged"), Path.Combine(containerDir, "rootfs") }.FirstOrDefault(Directory.Exists);

    public async Task<string> MountAsync(string containerDir, RootfsPlan plan, CancellationToken ct)
    {
        Directory.CreateDirectory(containerDir);
        switch (plan.Driver)
        {
            case "overlay":
                return await MountOverlayAsync(containerDir, plan.LowerDirs, ct);
            case "vfs":
                return await CopyAsync(containerDir, plan.VfsDir ?? throw new EngineException("vfs plan without a directory", 400), ct);
            default:
                throw new EngineException($"unknown storage driver \"{plan.Driver}\"", 400);
        }
    }

    public void Unmount(string containerDir)
    {
        // Unmount until the kernel answers that nothing is mounted there (EINVAL) or that it is not there (ENOENT): no
        // read of mountinfo, which the kernel formats line by line for every mount on the host (three reads per removal
        // before, ≈ 1 ms each with a few hundred containers).
        var merged = Path.Combine(containerDir, "merged");
        for (var stacked = 0; stacked < MaxStackedMounts; stacked++)
        {
            if (Libc.umount2(merged, Libc.MNT_DETACH | Libc.UMOUNT_NOFOLLOW) == 0) continue;
            var errno = Marshal.GetLastPInvokeError();
            if (errno is Libc.EINVAL or Libc.ENOENT) return;
            throw new EngineException($"unmount {merged}: {Libc.Error(errno)}");
        }
        throw new EngineException($"unmount {merged}: still mounted after {MaxStackedMounts} unmounts");
    }

    /// <summary>Mounts stacked on one root filesystem that <see cref="Unmount"/> takes down before giving up.</summary>
    const int MaxStackedMounts = 16;

    async Task<string> MountOverlayAsync(string containerDir, IReadOnlyList<string> lowers, CancellationToken ct)
    {
        if (lowers.Count == 0) throw new EngineException("overlay plan without lower directories", 400);
        var merged = Path.Combine(containerDir, "merged");
        if (Directory.Exists(merged) && IsMountPoint(merged)) return merged;
        var upper = Directory.CreateDirectory(Path.Combine(containerDir, "upper")).FullName;
        var work = Directory.CreateDirectory(Path.Combine(containerDir, "work")).FullName;
        Directory.CreateDirectory(merged);

        var data = Data(lowers, upper, work);
        if (data.Length <= PageLimit)
        {
            if (Libc.mount("overlay", merged, "overlay", 0, data) != 0)
                throw new EngineException($"error creating overlay mount to {merged}: {Libc.LastError()}");
            return merged;
        }
        // Too many layers for one page: mount with lowerdirs relative to the snapshots dir, from a process living there.
        var snapshots = Path.GetDirectoryName(Path.GetDirectoryName(lowers[0])!)!;
        var relative = Data(lowers.Select(l => Path.GetRelativePath(snapshots, l)).ToList(), upper, work);
        await RunAsync("mount", ["-t", "overlay", "overlay", "-o", relative, merged], snapshots, ct);
        return merged;
    }

    static string Data(IReadOnlyList<string> lowers, string upper, string work) =>
        $"lowerdir={string.Join(':', lowers)},upperdir={upper},workdir={work}" + (IndexOption ? ",index=off" : "");

    static async Task<string> CopyAsync(string containerDir, string source, CancellationToken ct)
    {
        var rootfs = Path.Combine(containerDir, "rootfs");
        if (File.Exists(Path.Combine(containerDir, ".rootfs-complete"))) return rootfs;
        if (Directory.Exists(rootfs)) Directory.Delete(rootfs, recursive: true); // an interrupted copy
        Directory.CreateDirectory(rootfs);
        await RunAsync("cp", ["-a", "--reflink=auto", source.TrimEnd('/') + "/.", rootfs], containerDir, ct);
        await File.WriteAllTextAsync(Path.Combine(containerDir, ".rootfs-complete"), "", ct);
        return rootfs;
    }

    static async Task RunAsync(string program, string[] args, string cwd, CancellationToken ct)
    {
        var (code, _, error) = await ChildProcess.RunAsync(program, args, ct, cwd);
        if (code != 0) throw new EngineException($"{program} failed: {error.Trim()}");
    }

    public static bool IsMountPoint(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd('/');
        return File.ReadLines("/proc/self/mountinfo").Any(line => Unescape(line.Split(' ')[4]) == full);
    }

    static string Unescape(string field) => field.Replace("\\040", " ").Replace("\\011", "\t").Replace("\\012", "\n").Replace("\\134", "\\");
}
