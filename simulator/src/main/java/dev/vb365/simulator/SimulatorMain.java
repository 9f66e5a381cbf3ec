package dev.vb365.simulator;

public final class SimulatorMain {
  public static void main(String[] args) {
    System.out.println("vb365-simulator");
  }
}
