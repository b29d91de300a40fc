using System.Buffers.Binary;

namespace GanAugment.Data.Tests.Images;

/// <summary>
/// Writes BMP files as the Windows documentation lays them out: 14-byte file header, a DIB
/// header of <see cref="HeaderSize"/> bytes (BITMAPINFOHEADER = 40, V4 = 108, V5 = 124),
/// optional BI_BITFIELDS masks, palette of BGRX entries, rows padded to 4 bytes, bottom-up
/// unless <see cref="TopDown"/>. <c>pixels</c> is top row first: palette indices for 1/4/8-bit,
/// otherwise the bytes of each pixel as stored (B, G, R[, X]).
/// </summary>
internal sealed class BmpBuilder(int width, int height, int bitCount, byte[] pixels)
{
    public bool TopDown { get; init; }
    public int HeaderSize { get; init; } = 40;
    public byte[]? PaletteBgrx { get; init; }
    public uint[]? BitfieldMasks { get; init; }

    public byte[] Build()
    {
        var stride = (bitCount * width + 31) / 32 * 4;
        var masksAfterHeader = BitfieldMasks is not null && HeaderSize == 40 ? 12 : 0;
        var palette = PaletteBgrx ?? [];
        var pixelOffset = 14 + HeaderSize + masksAfterHeader + palette.Length;
        var file = new byte[pixelOffset + stride * height];
        file[0] = (byte)'B';
        file[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(2), file.Length);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(10), pixelOffset);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(14), HeaderSize);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(22), TopDown ? -height : height);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(28), (short)bitCount);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(30), BitfieldMasks is null ? 0 : 3);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(34), stride * height);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(46), palette.Length / 4);
        if (BitfieldMasks is not null)
            for (var i = 0; i < 3; i++) BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(54 + 4 * i), BitfieldMasks[i]);
        palette.CopyTo(file, 14 + HeaderSize + masksAfterHeader);
        var bytesPerPixel = bitCount / 8;
        for (var y = 0; y < height; y++)
        {
            var row = file.AsSpan(pixelOffset + (TopDown ? y : height - 1 - y) * stride, stride);
            for (var x = 0; x < width; x++)
            {
                if (bitCount < 8)
                    row[x * bitCount / 8] |= (byte)(pixels[y * width + x] << (8 - bitCount - x * bitCount % 8));
                else
                    pixels.AsSpan((y * width + x) * bytesPerPixel, bytesPerPixel).CopyTo(row[(x * bytesPerPixel)..]);
            }
        }
        return file;
    }
}
