package robodog.operatorlink.ros2;

import java.io.IOException;
import std_msgs.msg.dds.StringPubSubType;
import us.ihmc.idl.CDR;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * {@code std_msgs/String} without the generated 255-character bound: ROS 2 strings are unbounded,
 * and {@code /robot_description} carries the whole URDF (about 14 kB). Same type name, same CDR
 * layout (length, bytes, NUL), so any ROS 2 reader accepts it. Write side only; one publisher's
 * thread at a time.
 */
final class LongStringType extends StringPubSubType {
  private final CDR cdr = new CDR();
  private final int maxChars;

  /**
   * @param maxChars the longest string this type will write
   */
  LongStringType(int maxChars) {
    this.maxChars = maxChars;
  }

  @Override
  public void serialize(std_msgs.msg.dds.String data, SerializedPayload payload)
      throws IOException {
    if (data.getData().length() > maxChars) {
      throw new IOException(
          "std_msgs/String of " + data.getData().length() + " chars; at most " + maxChars);
    }
    cdr.serialize(payload);
    cdr.write_type_d(data.getData());
    cdr.finishSerialize();
  }

  @Override
  public StringPubSubType newInstance() { // the node copies the type it is given
    return new LongStringType(maxChars);
  }

  @Override
  public int getTypeSize() {
    return CDR.getTypeSize(4 + maxChars + 1 + 8);
  }
}
