package main

func run() { nothing() }
