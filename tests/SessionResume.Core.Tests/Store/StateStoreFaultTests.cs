using SessionResume.Store;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Store;

/// <summary>
/// A full disk, simulated where the write happens: the temporary file's stream fails as a real one
/// does when the device is full (IOException "No space left on device", ENOSPC). The end-to-end
/// suite also fills a real tmpfs when it may mount one (SessionResume.EndToEnd.Tests/Faults).
/// </summary>
public class StateStoreFaultTests
{
    static readonly DateTime Now = new(2026, 11, 24, 20, 0, 0, DateTimeKind.Utc);

    /// <summary>A file stream that accepts nothing: the first write fails as on a full device.</summary>
    sealed class FullDiskStream(FileStream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw Full();
        public override void Write(ReadOnlySpan<byte> buffer) => throw Full();
        IOException Full() => new($"No space left on device : '{inner.Name}'", 28);
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    static StateStore FullDisk(string path) => new(path, () => Now)
    {
        CreateTempFile = temp => new FullDiskStream(new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None)),
    };

    [Fact]
    public void A_full_disk_leaves_the_state_as_it_was_with_one_SR0003_and_no_temporary_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".session-state.json");
        File.WriteAllText(path, "{\"todos\": [\"keep me\"]}");

        var result = FullDisk(path).Update(s => { s.Todos.Add("new"); return true; });

        Assert.False(result.Written);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("SR0003", problem.Code);
        Assert.Contains($"Could not update {path}: No space left on device", problem.Message);
        Assert.Contains("the disk is not full", problem.Message);
        Assert.Equal("{\"todos\": [\"keep me\"]}", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp-*"));
    }

    [Fact]
    public void A_full_disk_on_the_first_write_leaves_no_state_and_no_temporary_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".session-state.json");

        var result = FullDisk(path).Update(_ => true);

        Assert.Equal("SR0003", Assert.Single(result.Problems).Code);
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp-*"));
    }

    [Fact]
    public void A_corrupt_state_on_a_full_disk_is_still_kept_aside_a_rename_needs_no_space()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".session-state.json");
        File.WriteAllText(path, "{ not json");

        var result = FullDisk(path).Update(_ => true);

        Assert.Equal(["SR0001", "SR0003"], result.Problems.Select(p => p.Code));
        Assert.Equal("{ not json", File.ReadAllText(path + ".corrupt-20261124T200000Z"));
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp-*"));
    }
}
