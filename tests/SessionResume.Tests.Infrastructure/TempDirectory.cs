namespace SessionResume.Tests.Infrastructure;

/// <summary>A fresh folder under the temporary directory for one test; removed on Dispose.</summary>
/// <param name="namePrefix">The start of the folder's name, to tell whose leftovers are whose.</param>
public sealed class TempDirectory(string namePrefix = "sr-test-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(namePrefix).FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Files in the folder whose name starts with <paramref name="prefix"/>, by name.</summary>
    public string[] Named(string prefix) =>
        Directory.GetFiles(Path, prefix + "*").Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
