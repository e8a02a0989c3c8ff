namespace Platform.Networking.DataPlane.Netlink;

/// <summary>Request types by their kernel names, for error messages.</summary>
internal static class RequestNames
{
    public static string Of(ushort type) => type switch
    {
        Rt.NewLink => "RTM_NEWLINK", Rt.DelLink => "RTM_DELLINK", Rt.GetLink => "RTM_GETLINK", Rt.SetLink => "RTM_SETLINK",
        Rt.NewAddr => "RTM_NEWADDR", Rt.DelAddr => "RTM_DELADDR", Rt.GetAddr => "RTM_GETADDR", Rt.NewRoute => "RTM_NEWROUTE",
        _ => $"netlink request {type}",
    };
}
