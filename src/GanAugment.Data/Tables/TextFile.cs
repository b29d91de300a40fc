using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace GanAugment.Data.Tables;

/// <summary>
/// Reads a whole text file for the table readers: UTF-8 (with or without BOM) or UTF-16 with a
/// BOM. Invalid bytes are an error naming the byte offset, never silently replaced.
/// </summary>
internal static class TextFile
{
    public static string Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException($"{path}: cannot read the file: {e.Message}", e);
        }
        return Decode(bytes, path);
    }

    internal static string Decode(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
            return DecodeUtf16(bytes, path, bigEndian: bytes[0] == 0xFE);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return DecodeUtf8(bytes[3..], path, baseOffset: 3);
        return DecodeUtf8(bytes, path, baseOffset: 0);
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, string path, int baseOffset)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != System.Buffers.OperationStatus.Done)
                throw DataFormatException.At(path, "not valid UTF-8 text (save the file as UTF-8)", offset: baseOffset + read);
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes, string path, bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
        try
        {
            return encoding.GetString(bytes[2..]);
        }
        catch (DecoderFallbackException e)
        {
            throw DataFormatException.At(path, "not valid UTF-16 text (save the file as UTF-8)", offset: 2 + Math.Max(0, e.Index));
        }
        catch (ArgumentException)
        {
            throw DataFormatException.At(path, "not valid UTF-16 text (save the file as UTF-8)");
        }
    }
}
