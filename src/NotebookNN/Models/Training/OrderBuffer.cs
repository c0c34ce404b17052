namespace NotebookNN.Models;

/// <summary>
/// The array of the epochs' random orders of a model's training samples, kept from Fit call to Fit call (4 bytes a
/// sample are not allocated again for every epoch or call); a Fit run from a callback while another holds it gets a
/// new one.
/// </summary>
internal sealed class OrderBuffer
{
    private int[] _order = [];
    private int _inUse;

    /// <summary>An array of <paramref name="n"/> ints (contents unspecified); hand it back with <see cref="Return"/>.</summary>
    public int[] Rent(int n)
    {
        if (Interlocked.CompareExchange(ref _inUse, 1, 0) != 0) return new int[n];
        if (_order.Length != n) _order = new int[n];
        return _order;
    }

    public void Return(int[] order)
    {
        if (ReferenceEquals(order, _order)) Volatile.Write(ref _inUse, 0);
    }
}
