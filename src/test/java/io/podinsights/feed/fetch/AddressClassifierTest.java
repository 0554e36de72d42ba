package io.podinsights.feed.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The address classifier on its own: every non-public range of reliability.md S2 and the public ones next to them. */
class AddressClassifierTest {
  @ParameterizedTest
  @CsvSource({
      "8.8.8.8, PUBLIC", "1.1.1.1, PUBLIC", "93.184.215.14, PUBLIC",
      "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED",
      "127.0.0.1, LOOPBACK", "127.255.255.254, LOOPBACK",
      "10.0.0.1, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "172.32.0.1, PUBLIC", "172.15.255.255, PUBLIC",
      "192.168.0.1, PRIVATE", "169.254.169.254, LINK_LOCAL",
      "100.64.0.1, SHARED_CGNAT", "100.127.255.255, SHARED_CGNAT", "100.128.0.1, PUBLIC", "100.63.255.255, PUBLIC",
      "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "255.255.255.255, BROADCAST", "240.0.0.1, RESERVED",
      "192.0.2.1, RESERVED", "198.18.0.1, RESERVED",
      "::, UNSPECIFIED", "::1, LOOPBACK", "fe80::1, LINK_LOCAL", "fc00::1, UNIQUE_LOCAL", "fd12:3456::1, UNIQUE_LOCAL",
      "ff02::1, MULTICAST", "2001:db8::1, RESERVED",
      "2606:4700:4700::1111, PUBLIC", "2a00:1450:4001:80b::200e, PUBLIC",
      "::ffff:127.0.0.1, LOOPBACK", "::ffff:a9fe:a9fe, LINK_LOCAL", "::ffff:8.8.8.8, PUBLIC",
      "::127.0.0.1, LOOPBACK", "::8.8.8.8, EMBEDDED_IPV4",
      "64:ff9b::a9fe:a9fe, EMBEDDED_IPV4", "64:ff9b::7f00:1, EMBEDDED_IPV4", "64:ff9b::808:808, PUBLIC",
      "2002:a9fe:a9fe::, EMBEDDED_IPV4", "2002:7f00:1::, EMBEDDED_IPV4", "2002:808:808::, PUBLIC",
      "2001:0:4136:e378:8000:63bf:3fff:fdd2, EMBEDDED_IPV4"})
  void classifies(String literal, AddressClass expected) throws Exception {
    assertThat(AddressClassifier.classify(InetAddress.getByName(literal))).isEqualTo(expected);
  }
}
