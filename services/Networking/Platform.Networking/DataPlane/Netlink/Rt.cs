namespace Platform.Networking.DataPlane.Netlink;

/// <summary>The rtnetlink numbers used here (linux/netlink.h, linux/rtnetlink.h, linux/if_link.h, linux/if_addr.h).</summary>
internal static class Rt
{
    public const ushort NlmsgError = 2, NlmsgDone = 3;
    public const ushort NewLink = 16, DelLink = 17, GetLink = 18, SetLink = 19, NewAddr = 20, DelAddr = 21, GetAddr = 22,
        NewRoute = 24;

    public const ushort Request = 0x1, Multi = 0x2, Ack = 0x4, Dump = 0x300, Replace = 0x100, Excl = 0x200,
        Create = 0x400, Capped = 0x100, AckTlvs = 0x200;

    public const ushort IflaAddress = 1, IflaIfname = 3, IflaMtu = 4, IflaMaster = 10, IflaLinkinfo = 18,
        IflaNetNsFd = 28, IflaInfoKind = 1, IflaInfoData = 2, VethInfoPeer = 1;

    public const ushort IfaAddress = 1, IfaLocal = 2;
    public const ushort RtaDst = 1, RtaOif = 4, RtaGateway = 5, NlmsgerrAttrMsg = 1;

    public const byte AfUnspec = 0, AfInet = 2;
    public const byte TableMain = 254, ProtoBoot = 3, ScopeUniverse = 0, UnicastRoute = 1;
    public const uint IffUp = 1;
    public const int LoopbackIndex = 1;
}
