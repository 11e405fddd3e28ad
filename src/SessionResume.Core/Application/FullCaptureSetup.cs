using SessionResume.Common;

namespace SessionResume.Application;

/// <summary>
/// SessionSetup's full capture: a marked block in the Directory.Build.rsp that command-line builds
/// read, naming the package's full-capture logger (optional: a clone where the package is not
/// restored yet builds on, with MSBuild's one line that the logger was not created). MSBuild reads
/// only the nearest Directory.Build.rsp above the project or solution it builds, so an existing one
/// is used, and named; else one is created at the session root. The block goes first in the file and
/// the file's own bytes follow unchanged, so removing it gives them back exactly (and removes a file
/// it created). Visual Studio ignores response files.
/// </summary>
public static class FullCaptureSetup
{
    public const string FileName = "Directory.Build.rsp";
    const string Begin = "# >>> SessionResume.Build full capture";
    const string CreatedMark = " (in a file SessionSetup created)";
    const string About = "# Added by `dotnet msbuild -t:SessionSetup`; `-p:SessionSetupRemove=true` removes it. Command-line builds only.";
    const string LoggerClass = "SessionResume.Build.FullCaptureLogger";
    const string End = "# <<< SessionResume.Build full capture";

    /// <param name="searchFrom">The folder builds start from (the project's or the solution's).</param>
    /// <param name="loggerAssembly">The package's task assembly, which holds the logger.</param>
    public static VerbResult Run(Session session, string searchFrom, string loggerAssembly, bool remove)
    {
        var rsp = Nearest(searchFrom) ?? Path.Combine(session.Root, FileName);
        var shown = DisplayPath.Of(rsp, session.Root);
        var original = File.Exists(rsp) ? File.ReadAllText(rsp) : null;
        var (without, created) = Strip(original);
        if (remove)
        {
            if (original is null || without == original)
                return Lines($"SessionResume.Build: no full capture block in {shown}; nothing to remove.");
            var deleteFile = created && without.Length == 0;
            return Write(rsp, deleteFile ? null : without, $"SessionResume.Build: removed the full capture block from {shown}"
                + (deleteFile ? " (and the file, which SessionSetup had created)." : "."));
        }
        var newline = original?.Contains("\r\n", StringComparison.Ordinal) == true ? "\r\n" : "\n";
        var isNew = original is null || (created && without.Length == 0);
        var block = string.Join(newline,
            Begin + (isNew ? CreatedMark : ""),
            About,
            Quote($"-logger:{LoggerClass},{Portable(loggerAssembly)},IsOptional;root={RootFrom(rsp, session.Root)}"),
            End) + newline;
        var updated = block + without;
        if (updated == original) return Lines($"SessionResume.Build: full capture is already set up in {shown}; nothing changed.");
        var nearest = Path.GetDirectoryName(rsp) != session.Root ? $" (the nearest {FileName}: the one MSBuild reads)" : "";
        return Write(rsp, updated,
            $"SessionResume.Build: full capture set up in {shown}{nearest}: command-line builds record every error (MSB, NETSDK, NU).",
            "Visual Studio ignores response files. To remove it: dotnet msbuild -t:SessionSetup -p:SessionSetupRemove=true");
    }

    /// <summary>The nearest Directory.Build.rsp at or above the folder, as MSBuild finds it.</summary>
    static string? Nearest(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The text without the package's block, and whether the block said it created the file.</summary>
    static (string Text, bool Created) Strip(string? text)
    {
        if (text is null) return ("", false);
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        if (start < 0) return (text, false);
        var end = text.IndexOf(End, start, StringComparison.Ordinal);
        if (end < 0) return (text, false);
        end += End.Length;
        if (end < text.Length && text[end] == '\r') end++;
        if (end < text.Length && text[end] == '\n') end++;
        var created = text.AsSpan(start, end - start).Contains(CreatedMark, StringComparison.Ordinal);
        return (text[..start] + text[end..], created);
    }

    /// <summary>The assembly through NUGET_PACKAGES or the home folder when it lies under one: the file is shared.</summary>
    static string Portable(string assembly)
    {
        var full = Path.GetFullPath(assembly);
        foreach (var (variable, folder) in new[]
                 {
                     ("NUGET_PACKAGES", Environment.GetEnvironmentVariable("NUGET_PACKAGES")),
                     (OperatingSystem.IsWindows() ? "USERPROFILE" : "HOME",
                         Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)),
                 })
        {
            if (string.IsNullOrEmpty(folder)) continue;
            var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
            if (full.StartsWith(prefix, StringComparison.Ordinal))
                return $"%{variable}%{Path.DirectorySeparatorChar}{full[prefix.Length..]}";
        }
        return full;
    }

    /// <summary>The session root seen from the rsp's folder (%MSBuildThisFileDirectory% ends with a separator).</summary>
    static string RootFrom(string rsp, string root)
    {
        var relative = Path.GetRelativePath(Path.GetDirectoryName(rsp)!, root);
        return "%MSBuildThisFileDirectory%" + (relative == "." ? "" : relative.Replace('\\', '/'));
    }

    static string Quote(string argument) => argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument;

    static VerbResult Write(string path, string? text, params string[] lines)
    {
        try
        {
            if (text is null) File.Delete(path);
            else File.WriteAllText(path, text);
            return new VerbResult(lines, [], []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new VerbResult([], [Problems.SetupNotWritten(path, e)], []);
        }
    }

    static VerbResult Lines(params string[] lines) => new(lines, [], []);
}
