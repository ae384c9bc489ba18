SELECT -- comment
 deviceId /* block */ FROM demo