using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using SessionResume.Model;

namespace SessionResume.Lifecycle;

/// <summary>Gzip for archives, with the integrity checks that <see cref="GZipStream"/> leaves out.</summary>
internal static class GzipFile
{
    const int HeaderLength = 10;
    const int TrailerLength = 8;

    public static byte[] Compress(ReadOnlySpan<byte> content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(content);
        return output.ToArray();
    }

    /// <summary>
    /// The decompressed content; throws <see cref="InvalidStateException"/> saying what is wrong.
    /// GZipStream stops quietly at the end of a truncated file and returns what it has, so the
    /// trailer (CRC-32 and length of the content) is checked here: a cut-off archive must not read
    /// as a shorter, still plausible one.
    /// </summary>
    public static byte[] Decompress(byte[] file)
    {
        if (file.Length < HeaderLength + TrailerLength || file[0] != 0x1F || file[1] != 0x8B)
            throw new InvalidStateException(file.Length == 0
                ? "the file is empty"
                : "it is not gzip data (it does not start with the gzip signature)");
        byte[] content;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            content = output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidStateException($"the gzip data is damaged ({e.Message.TrimEnd('.')})", e);
        }
        var trailer = file.AsSpan(file.Length - TrailerLength);
        var expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var expectedLength = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        if (expectedLength != (uint)content.Length || expectedCrc != Crc32.HashToUInt32(content))
            throw new InvalidStateException("the gzip data is truncated or damaged (its checksum does not match)");
        return content;
    }
}
