// Do not edit: part of the lab's fixture.

// Package numbers is the arithmetic of command primes: which numbers are
// prime, and how the range the program looks at is cut into chunks. The
// program and the lab's tests both take it from here, so the tests know the
// right count without trusting the program.
package numbers

// IsPrime reports whether n is a prime number. It tries every odd divisor
// up to the square root of n: plain computation, no waiting at all, which is
// what makes counting primes CPU-bound.
func IsPrime(n int) bool {
	if n < 2 {
		return false
	}
	if n%2 == 0 {
		return n == 2
	}
	for d := 3; d*d <= n; d += 2 {
		if n%d == 0 {
			return false
		}
	}
	return true
}

// CountPrimes counts the prime numbers from lo up to, but not including, hi.
func CountPrimes(lo, hi int) int {
	count := 0
	for n := lo; n < hi; n++ {
		if IsPrime(n) {
			count++
		}
	}
	return count
}

// Chunk returns the numbers of chunk c when the range starting at start is
// cut into chunks of size numbers each: from lo up to, but not including, hi.
func Chunk(start, size, c int) (lo, hi int) {
	return start + c*size, start + (c+1)*size
}
