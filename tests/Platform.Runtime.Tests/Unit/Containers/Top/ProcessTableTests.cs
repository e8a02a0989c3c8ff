using Platform.Runtime.Containers.Top;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Tests.Unit.Containers.Top;

/// <summary>ps output is read as moby reads it for docker top.</summary>
public sealed class ProcessTableTests
{
    const string PsEf = """
        UID        PID  PPID  C STIME TTY          TIME CMD
        root         1     0  0 10:00 ?        00:00:01 /sbin/init splash
        root       412     1  0 10:01 ?        00:00:00 sleep 300
        root       413   412  0 10:01 pts/0    00:00:00 sh -c   echo  hi
        """;

    [Fact]
    public void Only_the_container_s_pids_are_kept_and_the_command_keeps_its_arguments()
    {
        var top = ProcessTable.Parse(PsEf, [412, 413]);

        Assert.Equal(["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"], top.Titles);
        Assert.Equal(2, top.Processes.Count);
        Assert.Equal(["root", "412", "1", "0", "10:01", "?", "00:00:00", "sleep 300"], top.Processes[0]);
        Assert.Equal("sh -c echo hi", top.Processes[1][^1]);
    }

    [Fact]
    public void Output_without_a_PID_column_is_an_error()
    {
        var error = Assert.Throws<DockerApiException>(() => ProcessTable.Parse("USER COMMAND\nroot sleep\n", [1]));

        Assert.Equal("Couldn't find PID field in ps output", error.Message);
    }
}
