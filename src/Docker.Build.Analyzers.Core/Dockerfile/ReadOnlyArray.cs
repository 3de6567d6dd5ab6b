using System;
using System.Collections;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>
    /// A read-only view of an array that <c>foreach</c> walks without allocating: the enumerator of an
    /// <see cref="IReadOnlyList{T}"/> is a heap object, and the rules walk the same lists thousands of times per
    /// analysis. Still an <see cref="IReadOnlyList{T}"/> (boxed) for LINQ and for callers that want the interface.
    /// </summary>
    public readonly struct ReadOnlyArray<T> : IReadOnlyList<T>
    {
        private readonly T[]? _items;

        /// <summary>Wraps an array that nobody changes any more (no copy is made).</summary>
        internal ReadOnlyArray(T[] items)
        {
            _items = items;
        }

        public static ReadOnlyArray<T> Empty => new ReadOnlyArray<T>(Array.Empty<T>());

        private T[] Items => _items ?? Array.Empty<T>();

        public int Count => Items.Length;

        public T this[int index] => Items[index];

        /// <summary>The wrapped array itself, for another view over the same items (never to be changed).</summary>
        internal T[] ToArrayUnsafe() => Items;

        public Enumerator GetEnumerator() => new Enumerator(Items);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();

        /// <summary>The allocation-free enumerator <c>foreach</c> uses.</summary>
        public struct Enumerator
        {
            private readonly T[] _items;
            private int _index;

            internal Enumerator(T[] items)
            {
                _items = items;
                _index = -1;
            }

            public T Current => _items[_index];

            public bool MoveNext() => ++_index < _items.Length;
        }
    }
}
