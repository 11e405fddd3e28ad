namespace SessionResume.Tests.Observations;

/// <summary>A script standing in for git, to see what the package passes to it and how it copes with a hang.</summary>
static class FakeGit
{
    public static string Write(string directory, string unix, string windows)
    {
        if (OperatingSystem.IsWindows())
        {
            var cmd = Path.Combine(directory, "fake-git.cmd");
            File.WriteAllText(cmd, "@echo off\r\n" + windows + "\r\n");
            return cmd;
        }
        var script = Path.Combine(directory, "fake-git");
        File.WriteAllText(script, "#!/bin/sh\n" + unix + "\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}
