using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PlanAtlas.Build.Cache;

/// <summary>
/// A whole file's bytes in memory the garbage collector does not manage. Tens of megabytes in one array went to the
/// large object heap, whose budget, once overrun, sets off a full blocking collection. The memory is freed when
/// this object is collected: every <see cref="Memory{T}"/> taken from it holds it, so no slice outlives it. (No
/// memory pressure is declared: it could set off the very collection this avoids, and the process is short-lived.)
/// </summary>
internal sealed class UnmanagedFileBytes : MemoryManager<byte>
{
    private nint _pointer;
    private readonly int _length;

    private UnmanagedFileBytes(int length)
    {
        _length = length;
        _pointer = Marshal.AllocHGlobal(Math.Max(1, length));
    }

    /// <summary>The file's bytes; <see cref="IOException"/> when it cannot be read whole (or is over 2 GB).</summary>
    public static UnmanagedFileBytes Read(string path)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength) throw new IOException($"{path}: too big");
        var bytes = new UnmanagedFileBytes((int)length);
        var span = bytes.GetSpan();
        for (var at = 0; at < span.Length;)
        {
            var read = RandomAccess.Read(handle, span[at..], at);
            if (read == 0) throw new IOException($"{path}: cut short while read");
            at += read;
        }
        return bytes;
    }

    public override Span<byte> GetSpan() =>
        _pointer == 0 ? throw new ObjectDisposedException(nameof(UnmanagedFileBytes))
            : MemoryMarshal.CreateSpan(ref Unsafe.AddByteOffset(ref Unsafe.NullRef<byte>(), _pointer), _length);

    // The memo reads its records as spans; a handle to memory that never moves would need unsafe code for nothing.
    public override MemoryHandle Pin(int elementIndex = 0) => throw new NotSupportedException();

    public override void Unpin() { }

    protected override void Dispose(bool disposing)
    {
        var pointer = Interlocked.Exchange(ref _pointer, 0);
        if (pointer == 0) return;
        Marshal.FreeHGlobal(pointer);
    }

    ~UnmanagedFileBytes() => Dispose(false);
}
