using System.Runtime.InteropServices;

namespace Platform.Runtime.Oci;

/// <summary>A new network namespace starts with loopback down; a container made with one gets it up, as runc does.</summary>
static unsafe partial class Network
{
    const int AF_INET = 2, SOCK_DGRAM = 2, SOCK_CLOEXEC = 0x80000;
    const ulong SIOCGIFFLAGS = 0x8913, SIOCSIFFLAGS = 0x8914;
    const short IFF_UP = 1;

    [LibraryImport("libc", SetLastError = true)] private static partial int socket(int domain, int type, int protocol);

    public static void LoopbackUp()
    {
        var sock = Sys.Check(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), "socket");
        try
        {
            var ifreq = stackalloc byte[40];
            new Span<byte>(ifreq, 40).Clear();
            "lo"u8.CopyTo(new Span<byte>(ifreq, 16));
            Sys.Check(Sys.ioctl(sock, SIOCGIFFLAGS, ifreq), "read the flags of lo");
            *(short*)(ifreq + 16) |= IFF_UP;
            Sys.Check(Sys.ioctl(sock, SIOCSIFFLAGS, ifreq), "bring lo up");
        }
        finally
        {
            Sys.close(sock);
        }
    }
}
