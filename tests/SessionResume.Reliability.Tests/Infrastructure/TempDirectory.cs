namespace SessionResume.Reliability.Infrastructure;

/// <summary>A fresh folder for one test's state file; removed afterwards.</summary>
sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sr-reliability-").FullName;
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Files in the folder whose name starts with <paramref name="prefix"/>, by name.</summary>
    public string[] Named(string prefix) =>
        Directory.GetFiles(Path, prefix + "*").Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
