using System.Net;
using System.Net.Sockets;

namespace Attendance.Testing;

/// <summary>Finds TCP ports on 127.0.0.1 that nothing listens on, so parallel test runs never collide on fixed ports.</summary>
public static class FreePort
{
    /// <summary>
    /// Distinct free ports. They are found by binding port 0 and reading what the OS chose; all listeners stay open
    /// until every port is known, so the OS cannot hand out the same port twice.
    /// </summary>
    public static int[] Find(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
