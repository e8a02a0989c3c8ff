using System.Net.Sockets;
using Npgsql;

namespace Platform.ServiceDefaults.Rails.Bus;

/// <summary>Failures that say a server could not be reached (as opposed to an answer it gave): they pass, given time.</summary>
public static class Unreachable
{
    /// <summary>A PostgreSQL connection that could not be made or was lost, a socket error or a timeout, at any depth.</summary>
    public static bool IsServerUnreachable(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException) return true;
        return false;
    }
}
