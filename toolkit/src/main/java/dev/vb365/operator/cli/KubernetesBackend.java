package dev.vb365.operator.cli;

/** The Kubernetes API that demo and bench run on (the values are what --kubernetes takes). */
enum KubernetesBackend {
  /** fabric8's mock API in the process, with the embedded API's additions: nothing to install. */
  embedded,
  /** kube-apiserver and etcd on loopback, from the binaries tools/kube-binaries.sh builds. */
  real
}
