package dev.vb365.operator.cli;

public final class Main {
  public static void main(String[] args) {
    System.out.println("vb365-operator");
  }
}
