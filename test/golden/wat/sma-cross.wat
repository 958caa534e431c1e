(module
  (type (;0;) (func (param i32 i32)))
  (type (;1;) (func (param i32)))
  (type (;2;) (func (param i32 i32) (result i32)))
  (type (;3;) (func (result i32)))
  (type (;4;) (func))
  (type (;5;) (func (param i32) (result i32)))
  (type (;6;) (func (param i32 f64)))
  (type (;7;) (func (param i32 i32 i32 i32)))
  (type (;8;) (func (param i32 i32 i64)))
  (type (;9;) (func (param i32 i32 f64) (result f64)))
  (type (;10;) (func (param f64 f64 f64 f64)))
  (type (;11;) (func (param i32 i32 f64 f64)))
  (type (;12;) (func (param i64 f64 f64 f64 f64 f64)))
  (type (;13;) (func (param i32)))
  (type (;14;) (func))
  (import "env" "abort" (func (;0;) (type 7)))
  (import "backproof" "order" (func (;1;) (type 6)))
  (import "backproof" "symbol" (func (;2;) (type 3)))
  (import "backproof" "param_int" (func (;3;) (type 9)))
  (import "__backproof" "out_of_fuel" (func (;4;) (type 13)))
  (import "__backproof" "stack_exhausted" (func (;5;) (type 13)))
  (import "__backproof" "flush" (func (;6;) (type 13)))
  (memory (;0;) 1 256)
  (memory (;1;) 17 17)
  (memory (;2;) 1 1)
  (global (;0;) (mut i32) i32.const 0)
  (global (;1;) (mut i32) i32.const 0)
  (global (;2;) (mut i32) i32.const 0)
  (global (;3;) (mut i32) i32.const 0)
  (global (;4;) (mut i32) i32.const 0)
  (global (;5;) (mut i32) i32.const 0)
  (global (;6;) (mut i32) i32.const 0)
  (global (;7;) (mut i32) i32.const 0)
  (global (;8;) (mut i32) i32.const 0)
  (global (;9;) (mut i32) i32.const 0)
  (global (;10;) (mut i32) i32.const 0)
  (global (;11;) (mut i32) i32.const 0)
  (global (;12;) (mut i32) i32.const 34848)
  (global (;13;) (mut i32) i32.const 0)
  (global (;14;) (mut i64) i64.const 0)
  (global (;15;) (mut i32) i32.const 0)
  (global (;16;) (mut i32) i32.const 0)
  (global (;17;) (mut i64) i64.const 0)
  (global (;18;) (mut i64) i64.const 0)
  (global (;19;) (mut i32) i32.const 1)
  (global (;20;) (mut i32) i32.const 0)
  (global (;21;) (mut i32) i32.const 0)
  (global (;22;) (mut i32) i32.const 0)
  (global (;23;) (mut i32) i32.const 0)
  (global (;24;) (mut i32) i32.const 0)
  (global (;25;) (mut i32) i32.const 0)
  (global (;26;) (mut i32) i32.const 0)
  (global (;27;) (mut i32) i32.const 0)
  (global (;28;) (mut i32) i32.const 0)
  (global (;29;) (mut i32) i32.const 0)
  (global (;30;) (mut i32) i32.const 0)
  (global (;31;) (mut i32) i32.const 0)
  (global (;32;) (mut i32) i32.const 0)
  (global (;33;) (mut i32) i32.const 0)
  (global (;34;) (mut i32) i32.const 0)
  (global (;35;) (mut i32) i32.const 0)
  (global (;36;) (mut i32) i32.const 0)
  (global (;37;) (mut i32) i32.const 0)
  (global (;38;) (mut i32) i32.const 0)
  (global (;39;) (mut i32) i32.const 0)
  (global (;40;) (mut i32) i32.const 0)
  (global (;41;) (mut i32) i32.const 0)
  (global (;42;) (mut i32) i32.const 0)
  (global (;43;) (mut i32) i32.const 0)
  (global (;44;) (mut i32) i32.const 0)
  (global (;45;) (mut i32) i32.const 0)
  (global (;46;) (mut i32) i32.const 0)
  (global (;47;) (mut i32) i32.const 0)
  (global (;48;) (mut i32) i32.const 0)
  (global (;49;) (mut i32) i32.const 0)
  (global (;50;) (mut i32) i32.const 0)
  (global (;51;) (mut i32) i32.const 0)
  (global (;52;) (mut i32) i32.const 0)
  (global (;53;) (mut i32) i32.const 0)
  (global (;54;) (mut i32) i32.const 0)
  (global (;55;) (mut i32) i32.const 0)
  (global (;56;) (mut i32) i32.const 0)
  (global (;57;) (mut i32) i32.const 0)
  (global (;58;) (mut i32) i32.const 0)
  (global (;59;) (mut i32) i32.const 0)
  (global (;60;) (mut i32) i32.const 0)
  (global (;61;) (mut i32) i32.const 0)
  (global (;62;) (mut i32) i32.const 0)
  (global (;63;) (mut i32) i32.const 0)
  (global (;64;) (mut i32) i32.const 0)
  (global (;65;) (mut i32) i32.const 0)
  (global (;66;) (mut i32) i32.const 0)
  (global (;67;) (mut i32) i32.const 0)
  (global (;68;) (mut i32) i32.const 0)
  (global (;69;) (mut i32) i32.const 0)
  (global (;70;) (mut i32) i32.const 0)
  (global (;71;) (mut i32) i32.const 0)
  (global (;72;) (mut i32) i32.const 0)
  (global (;73;) (mut i32) i32.const 0)
  (global (;74;) (mut i32) i32.const 0)
  (global (;75;) (mut i32) i32.const 0)
  (global (;76;) (mut i32) i32.const 0)
  (global (;77;) (mut i32) i32.const 0)
  (global (;78;) (mut i32) i32.const 0)
  (global (;79;) (mut i32) i32.const 0)
  (global (;80;) (mut i32) i32.const 0)
  (global (;81;) (mut i32) i32.const 0)
  (global (;82;) (mut i32) i32.const 0)
  (global (;83;) (mut i32) i32.const 0)
  (global (;84;) (mut i32) i32.const 0)
  (global (;85;) (mut i32) i32.const 0)
  (global (;86;) (mut i32) i32.const 0)
  (global (;87;) (mut i32) i32.const 0)
  (global (;88;) (mut i32) i32.const 0)
  (global (;89;) (mut i32) i32.const 0)
  (global (;90;) (mut i32) i32.const 0)
  (global (;91;) (mut i32) i32.const 0)
  (global (;92;) (mut i32) i32.const 0)
  (global (;93;) (mut i32) i32.const 0)
  (global (;94;) (mut i32) i32.const 0)
  (global (;95;) (mut i32) i32.const 0)
  (global (;96;) (mut i32) i32.const 0)
  (global (;97;) (mut i32) i32.const 0)
  (global (;98;) (mut i32) i32.const 0)
  (global (;99;) (mut i32) i32.const 0)
  (global (;100;) (mut i32) i32.const 0)
  (global (;101;) (mut i32) i32.const 0)
  (global (;102;) (mut i32) i32.const 0)
  (global (;103;) (mut i32) i32.const 0)
  (global (;104;) (mut i32) i32.const 0)
  (global (;105;) (mut i32) i32.const 0)
  (global (;106;) (mut i32) i32.const 0)
  (global (;107;) (mut i32) i32.const 0)
  (global (;108;) (mut i32) i32.const 0)
  (global (;109;) (mut i32) i32.const 0)
  (global (;110;) (mut i32) i32.const 0)
  (global (;111;) (mut i32) i32.const 0)
  (global (;112;) (mut i32) i32.const 0)
  (global (;113;) (mut i32) i32.const 0)
  (global (;114;) (mut i32) i32.const 0)
  (global (;115;) (mut i32) i32.const 0)
  (global (;116;) (mut i32) i32.const 0)
  (global (;117;) (mut i32) i32.const 0)
  (global (;118;) (mut i32) i32.const 0)
  (global (;119;) (mut i32) i32.const 0)
  (global (;120;) (mut i32) i32.const 0)
  (global (;121;) (mut i32) i32.const 0)
  (global (;122;) (mut i32) i32.const 0)
  (global (;123;) (mut i32) i32.const 0)
  (global (;124;) (mut i32) i32.const 0)
  (global (;125;) (mut i32) i32.const 0)
  (global (;126;) (mut i32) i32.const 0)
  (global (;127;) (mut i32) i32.const 0)
  (global (;128;) (mut i32) i32.const 0)
  (global (;129;) (mut i32) i32.const 0)
  (global (;130;) (mut i32) i32.const 0)
  (global (;131;) (mut i32) i32.const 0)
  (global (;132;) (mut i32) i32.const 0)
  (global (;133;) (mut i32) i32.const 0)
  (global (;134;) (mut i32) i32.const 0)
  (global (;135;) (mut i32) i32.const 0)
  (global (;136;) (mut i32) i32.const 0)
  (global (;137;) (mut i32) i32.const 0)
  (global (;138;) (mut i32) i32.const 0)
  (global (;139;) (mut i32) i32.const 0)
  (global (;140;) (mut i32) i32.const 0)
  (global (;141;) (mut i32) i32.const 0)
  (global (;142;) (mut i32) i32.const 0)
  (global (;143;) (mut i32) i32.const 0)
  (global (;144;) (mut i32) i32.const 0)
  (global (;145;) (mut i32) i32.const 0)
  (global (;146;) (mut i32) i32.const 0)
  (global (;147;) (mut i32) i32.const 0)
  (global (;148;) (mut i32) i32.const 0)
  (global (;149;) (mut i32) i32.const 0)
  (global (;150;) (mut i32) i32.const 0)
  (global (;151;) (mut i32) i32.const 0)
  (global (;152;) (mut i32) i32.const 0)
  (global (;153;) (mut i32) i32.const 0)
  (global (;154;) (mut i32) i32.const 0)
  (global (;155;) (mut i32) i32.const 0)
  (global (;156;) (mut i32) i32.const 0)
  (global (;157;) (mut i32) i32.const 0)
  (global (;158;) (mut i32) i32.const 0)
  (global (;159;) (mut i32) i32.const 0)
  (global (;160;) (mut i32) i32.const 0)
  (global (;161;) (mut i32) i32.const 0)
  (global (;162;) (mut i32) i32.const 0)
  (global (;163;) (mut i32) i32.const 0)
  (global (;164;) (mut i32) i32.const 0)
  (global (;165;) (mut i32) i32.const 0)
  (global (;166;) (mut i32) i32.const 0)
  (global (;167;) (mut i32) i32.const 0)
  (global (;168;) (mut i32) i32.const 0)
  (global (;169;) (mut i32) i32.const 0)
  (global (;170;) (mut i32) i32.const 0)
  (global (;171;) (mut i32) i32.const 0)
  (global (;172;) (mut i32) i32.const 0)
  (global (;173;) (mut i32) i32.const 0)
  (global (;174;) (mut i32) i32.const 0)
  (global (;175;) (mut i32) i32.const 0)
  (global (;176;) (mut i32) i32.const 0)
  (global (;177;) (mut i32) i32.const 0)
  (global (;178;) (mut i32) i32.const 0)
  (global (;179;) (mut i32) i32.const 0)
  (global (;180;) (mut i32) i32.const 0)
  (global (;181;) (mut i32) i32.const 0)
  (global (;182;) (mut i32) i32.const 0)
  (global (;183;) (mut i32) i32.const 0)
  (global (;184;) (mut i32) i32.const 0)
  (global (;185;) (mut i32) i32.const 0)
  (global (;186;) (mut i32) i32.const 0)
  (global (;187;) (mut i32) i32.const 0)
  (global (;188;) (mut i32) i32.const 0)
  (global (;189;) (mut i32) i32.const 0)
  (global (;190;) (mut i32) i32.const 0)
  (global (;191;) (mut i32) i32.const 0)
  (global (;192;) (mut i32) i32.const 0)
  (global (;193;) (mut i32) i32.const 0)
  (global (;194;) (mut i32) i32.const 0)
  (global (;195;) (mut i32) i32.const 0)
  (global (;196;) (mut i32) i32.const 0)
  (global (;197;) (mut i32) i32.const 0)
  (global (;198;) (mut i32) i32.const 0)
  (global (;199;) (mut i32) i32.const 0)
  (global (;200;) (mut i32) i32.const 0)
  (global (;201;) (mut i32) i32.const 0)
  (global (;202;) (mut i32) i32.const 0)
  (global (;203;) (mut i32) i32.const 0)
  (global (;204;) (mut i32) i32.const 0)
  (global (;205;) (mut i32) i32.const 0)
  (global (;206;) (mut i32) i32.const 0)
  (global (;207;) (mut i32) i32.const 0)
  (global (;208;) (mut i32) i32.const 0)
  (global (;209;) (mut i32) i32.const 0)
  (global (;210;) (mut i32) i32.const 0)
  (global (;211;) (mut i32) i32.const 0)
  (global (;212;) (mut i32) i32.const 0)
  (global (;213;) (mut i32) i32.const 0)
  (global (;214;) (mut i32) i32.const 0)
  (global (;215;) (mut i32) i32.const 0)
  (global (;216;) (mut i32) i32.const 0)
  (global (;217;) (mut i32) i32.const 0)
  (global (;218;) (mut i32) i32.const 0)
  (global (;219;) (mut i32) i32.const 0)
  (global (;220;) (mut i32) i32.const 0)
  (global (;221;) (mut i32) i32.const 0)
  (global (;222;) (mut i32) i32.const 0)
  (global (;223;) (mut i32) i32.const 0)
  (global (;224;) (mut i32) i32.const 0)
  (global (;225;) (mut i32) i32.const 0)
  (global (;226;) (mut i32) i32.const 0)
  (global (;227;) (mut i32) i32.const 0)
  (global (;228;) (mut i32) i32.const 0)
  (global (;229;) (mut i32) i32.const 0)
  (global (;230;) (mut i32) i32.const 0)
  (global (;231;) (mut i32) i32.const 0)
  (global (;232;) (mut i32) i32.const 0)
  (global (;233;) (mut i32) i32.const 0)
  (global (;234;) (mut i32) i32.const 0)
  (global (;235;) (mut i32) i32.const 0)
  (global (;236;) (mut i32) i32.const 0)
  (global (;237;) (mut i32) i32.const 0)
  (global (;238;) (mut i32) i32.const 0)
  (global (;239;) (mut i32) i32.const 0)
  (global (;240;) (mut i32) i32.const 0)
  (global (;241;) (mut i32) i32.const 0)
  (global (;242;) (mut i32) i32.const 0)
  (global (;243;) (mut i32) i32.const 0)
  (global (;244;) (mut i32) i32.const 0)
  (global (;245;) (mut i32) i32.const 0)
  (global (;246;) (mut i32) i32.const 0)
  (global (;247;) (mut i32) i32.const 0)
  (global (;248;) (mut i32) i32.const 0)
  (global (;249;) (mut i32) i32.const 0)
  (global (;250;) (mut i32) i32.const 0)
  (global (;251;) (mut i32) i32.const 0)
  (global (;252;) (mut i32) i32.const 0)
  (global (;253;) (mut i32) i32.const 0)
  (global (;254;) (mut i32) i32.const 0)
  (global (;255;) (mut i32) i32.const 0)
  (global (;256;) (mut i32) i32.const 0)
  (global (;257;) (mut i32) i32.const 0)
  (global (;258;) (mut i32) i32.const 0)
  (global (;259;) (mut i32) i32.const 0)
  (global (;260;) (mut i32) i32.const 0)
  (global (;261;) (mut i32) i32.const 0)
  (global (;262;) (mut i32) i32.const 0)
  (global (;263;) (mut i32) i32.const 0)
  (global (;264;) (mut i32) i32.const 0)
  (global (;265;) (mut i32) i32.const 0)
  (global (;266;) (mut i32) i32.const 0)
  (global (;267;) (mut i32) i32.const 0)
  (global (;268;) (mut i32) i32.const 0)
  (global (;269;) (mut i32) i32.const 0)
  (global (;270;) (mut i32) i32.const 0)
  (global (;271;) (mut i32) i32.const 0)
  (global (;272;) (mut i32) i32.const 0)
  (global (;273;) (mut i32) i32.const 0)
  (global (;274;) (mut i32) i32.const 0)
  (global (;275;) (mut i32) i32.const 0)
  (global (;276;) (mut i32) i32.const 0)
  (global (;277;) (mut i32) i32.const 0)
  (global (;278;) (mut i32) i32.const 0)
  (global (;279;) (mut i32) i32.const 0)
  (global (;280;) (mut i32) i32.const 0)
  (global (;281;) (mut i32) i32.const 0)
  (global (;282;) (mut i32) i32.const 0)
  (global (;283;) (mut i32) i32.const 0)
  (global (;284;) (mut i32) i32.const 0)
  (global (;285;) (mut i32) i32.const 0)
  (global (;286;) (mut i32) i32.const 0)
  (global (;287;) (mut i32) i32.const 0)
  (global (;288;) (mut i32) i32.const 0)
  (global (;289;) (mut i32) i32.const 0)
  (global (;290;) (mut i32) i32.const 0)
  (global (;291;) (mut i32) i32.const 0)
  (global (;292;) (mut i32) i32.const 0)
  (global (;293;) (mut i32) i32.const 0)
  (global (;294;) (mut i32) i32.const 0)
  (global (;295;) (mut i32) i32.const 0)
  (global (;296;) (mut i32) i32.const 0)
  (global (;297;) (mut i32) i32.const 0)
  (global (;298;) (mut i32) i32.const 0)
  (global (;299;) (mut i32) i32.const 0)
  (global (;300;) (mut i32) i32.const 0)
  (global (;301;) (mut i32) i32.const 0)
  (global (;302;) (mut i32) i32.const 0)
  (global (;303;) (mut i32) i32.const 0)
  (global (;304;) (mut i32) i32.const 0)
  (global (;305;) (mut i32) i32.const 0)
  (global (;306;) (mut i32) i32.const 0)
  (global (;307;) (mut i32) i32.const 0)
  (global (;308;) (mut i32) i32.const 0)
  (global (;309;) (mut i32) i32.const 0)
  (global (;310;) (mut i32) i32.const 0)
  (global (;311;) (mut i32) i32.const 0)
  (global (;312;) (mut i32) i32.const 0)
  (global (;313;) (mut i32) i32.const 0)
  (global (;314;) (mut i32) i32.const 0)
  (global (;315;) (mut i32) i32.const 0)
  (global (;316;) (mut i32) i32.const 0)
  (global (;317;) (mut i32) i32.const 0)
  (global (;318;) (mut i32) i32.const 0)
  (global (;319;) (mut i32) i32.const 0)
  (global (;320;) (mut i32) i32.const 0)
  (global (;321;) (mut i32) i32.const 0)
  (global (;322;) (mut i32) i32.const 0)
  (global (;323;) (mut i32) i32.const 0)
  (global (;324;) (mut i32) i32.const 0)
  (global (;325;) (mut i32) i32.const 0)
  (global (;326;) (mut i32) i32.const 0)
  (global (;327;) (mut i32) i32.const 0)
  (global (;328;) (mut i32) i32.const 0)
  (global (;329;) (mut i32) i32.const 0)
  (global (;330;) (mut i32) i32.const 0)
  (global (;331;) (mut i32) i32.const 0)
  (global (;332;) (mut i32) i32.const 0)
  (global (;333;) (mut i32) i32.const 0)
  (global (;334;) (mut i32) i32.const 0)
  (global (;335;) (mut i32) i32.const 0)
  (global (;336;) (mut i32) i32.const 0)
  (global (;337;) (mut i32) i32.const 0)
  (global (;338;) (mut i32) i32.const 0)
  (global (;339;) (mut i32) i32.const 0)
  (global (;340;) (mut i32) i32.const 0)
  (global (;341;) (mut i32) i32.const 0)
  (global (;342;) (mut i32) i32.const 0)
  (global (;343;) (mut i32) i32.const 0)
  (global (;344;) (mut i32) i32.const 0)
  (global (;345;) (mut i32) i32.const 0)
  (global (;346;) (mut i32) i32.const 0)
  (global (;347;) (mut i32) i32.const 0)
  (global (;348;) (mut i32) i32.const 0)
  (global (;349;) (mut i32) i32.const 0)
  (global (;350;) (mut i32) i32.const 0)
  (global (;351;) (mut i32) i32.const 0)
  (global (;352;) (mut i32) i32.const 0)
  (global (;353;) (mut i32) i32.const 0)
  (global (;354;) (mut i32) i32.const 0)
  (global (;355;) (mut i32) i32.const 0)
  (global (;356;) (mut i32) i32.const 0)
  (global (;357;) (mut i32) i32.const 0)
  (global (;358;) (mut i32) i32.const 0)
  (global (;359;) (mut i32) i32.const 0)
  (global (;360;) (mut i32) i32.const 0)
  (global (;361;) (mut i32) i32.const 0)
  (global (;362;) (mut i32) i32.const 0)
  (global (;363;) (mut i32) i32.const 0)
  (global (;364;) (mut i32) i32.const 0)
  (global (;365;) (mut i32) i32.const 0)
  (global (;366;) (mut i32) i32.const 0)
  (global (;367;) (mut i32) i32.const 0)
  (global (;368;) (mut i32) i32.const 0)
  (global (;369;) (mut i32) i32.const 0)
  (global (;370;) (mut i32) i32.const 0)
  (global (;371;) (mut i32) i32.const 0)
  (global (;372;) (mut i32) i32.const 0)
  (global (;373;) (mut i32) i32.const 0)
  (global (;374;) (mut i32) i32.const 0)
  (global (;375;) (mut i32) i32.const 0)
  (global (;376;) (mut i32) i32.const 0)
  (global (;377;) (mut i32) i32.const 0)
  (global (;378;) (mut i32) i32.const 0)
  (global (;379;) (mut i32) i32.const 0)
  (global (;380;) (mut i32) i32.const 0)
  (global (;381;) (mut i32) i32.const 0)
  (global (;382;) (mut i32) i32.const 0)
  (global (;383;) (mut i32) i32.const 0)
  (global (;384;) (mut i32) i32.const 0)
  (global (;385;) (mut i32) i32.const 0)
  (global (;386;) (mut i32) i32.const 0)
  (global (;387;) (mut i32) i32.const 0)
  (global (;388;) (mut i32) i32.const 0)
  (global (;389;) (mut i32) i32.const 0)
  (global (;390;) (mut i32) i32.const 0)
  (global (;391;) (mut i32) i32.const 0)
  (global (;392;) (mut i32) i32.const 0)
  (global (;393;) (mut i32) i32.const 0)
  (global (;394;) (mut i32) i32.const 0)
  (global (;395;) (mut i32) i32.const 0)
  (global (;396;) (mut i32) i32.const 0)
  (global (;397;) (mut i32) i32.const 0)
  (global (;398;) (mut i32) i32.const 0)
  (global (;399;) (mut i32) i32.const 0)
  (global (;400;) (mut i32) i32.const 0)
  (global (;401;) (mut i32) i32.const 0)
  (global (;402;) (mut i32) i32.const 0)
  (global (;403;) (mut i32) i32.const 0)
  (global (;404;) (mut i32) i32.const 0)
  (global (;405;) (mut i32) i32.const 0)
  (global (;406;) (mut i32) i32.const 0)
  (global (;407;) (mut i32) i32.const 0)
  (global (;408;) (mut i32) i32.const 0)
  (global (;409;) (mut i32) i32.const 0)
  (global (;410;) (mut i32) i32.const 0)
  (global (;411;) (mut i32) i32.const 0)
  (global (;412;) (mut i32) i32.const 0)
  (global (;413;) (mut i32) i32.const 0)
  (global (;414;) (mut i32) i32.const 0)
  (global (;415;) (mut i32) i32.const 0)
  (global (;416;) (mut i32) i32.const 0)
  (global (;417;) (mut i32) i32.const 0)
  (global (;418;) (mut i32) i32.const 0)
  (global (;419;) (mut i32) i32.const 0)
  (global (;420;) (mut i32) i32.const 0)
  (global (;421;) (mut i32) i32.const 0)
  (global (;422;) (mut i32) i32.const 0)
  (global (;423;) (mut i32) i32.const 0)
  (global (;424;) (mut i32) i32.const 0)
  (global (;425;) (mut i32) i32.const 0)
  (global (;426;) (mut i32) i32.const 0)
  (global (;427;) (mut i32) i32.const 0)
  (global (;428;) (mut i32) i32.const 0)
  (global (;429;) (mut i32) i32.const 0)
  (global (;430;) (mut i32) i32.const 0)
  (global (;431;) (mut i32) i32.const 0)
  (global (;432;) (mut i32) i32.const 0)
  (global (;433;) (mut i32) i32.const 0)
  (global (;434;) (mut i32) i32.const 0)
  (global (;435;) (mut i32) i32.const 0)
  (global (;436;) (mut i32) i32.const 0)
  (global (;437;) (mut i32) i32.const 0)
  (global (;438;) (mut i32) i32.const 0)
  (global (;439;) (mut i32) i32.const 0)
  (global (;440;) (mut i32) i32.const 0)
  (global (;441;) (mut i32) i32.const 0)
  (global (;442;) (mut i32) i32.const 0)
  (global (;443;) (mut i32) i32.const 0)
  (global (;444;) (mut i32) i32.const 0)
  (global (;445;) (mut i32) i32.const 0)
  (global (;446;) (mut i32) i32.const 0)
  (global (;447;) (mut i32) i32.const 0)
  (global (;448;) (mut i32) i32.const 0)
  (global (;449;) (mut i32) i32.const 0)
  (global (;450;) (mut i32) i32.const 0)
  (global (;451;) (mut i32) i32.const 0)
  (global (;452;) (mut i32) i32.const 0)
  (global (;453;) (mut i32) i32.const 0)
  (global (;454;) (mut i32) i32.const 0)
  (global (;455;) (mut i32) i32.const 0)
  (global (;456;) (mut i32) i32.const 0)
  (global (;457;) (mut i32) i32.const 0)
  (global (;458;) (mut i32) i32.const 0)
  (global (;459;) (mut i32) i32.const 0)
  (global (;460;) (mut i32) i32.const 0)
  (global (;461;) (mut i32) i32.const 0)
  (global (;462;) (mut i32) i32.const 0)
  (global (;463;) (mut i32) i32.const 0)
  (global (;464;) (mut i32) i32.const 0)
  (global (;465;) (mut i32) i32.const 0)
  (global (;466;) (mut i32) i32.const 0)
  (global (;467;) (mut i32) i32.const 0)
  (global (;468;) (mut i32) i32.const 0)
  (global (;469;) (mut i32) i32.const 0)
  (global (;470;) (mut i32) i32.const 0)
  (global (;471;) (mut i32) i32.const 0)
  (global (;472;) (mut i32) i32.const 0)
  (global (;473;) (mut i32) i32.const 0)
  (global (;474;) (mut i32) i32.const 0)
  (global (;475;) (mut i32) i32.const 0)
  (global (;476;) (mut i32) i32.const 0)
  (global (;477;) (mut i32) i32.const 0)
  (global (;478;) (mut i32) i32.const 0)
  (global (;479;) (mut i32) i32.const 0)
  (global (;480;) (mut i32) i32.const 0)
  (global (;481;) (mut i32) i32.const 0)
  (global (;482;) (mut i32) i32.const 0)
  (global (;483;) (mut i32) i32.const 0)
  (global (;484;) (mut i32) i32.const 0)
  (global (;485;) (mut i32) i32.const 0)
  (global (;486;) (mut i32) i32.const 0)
  (global (;487;) (mut i32) i32.const 0)
  (global (;488;) (mut i32) i32.const 0)
  (global (;489;) (mut i32) i32.const 0)
  (global (;490;) (mut i32) i32.const 0)
  (global (;491;) (mut i32) i32.const 0)
  (global (;492;) (mut i32) i32.const 0)
  (global (;493;) (mut i32) i32.const 0)
  (global (;494;) (mut i32) i32.const 0)
  (global (;495;) (mut i32) i32.const 0)
  (global (;496;) (mut i32) i32.const 0)
  (global (;497;) (mut i32) i32.const 0)
  (global (;498;) (mut i32) i32.const 0)
  (global (;499;) (mut i32) i32.const 0)
  (global (;500;) (mut i32) i32.const 0)
  (global (;501;) (mut i32) i32.const 0)
  (global (;502;) (mut i32) i32.const 0)
  (global (;503;) (mut i32) i32.const 0)
  (global (;504;) (mut i32) i32.const 0)
  (global (;505;) (mut i32) i32.const 0)
  (global (;506;) (mut i32) i32.const 0)
  (global (;507;) (mut i32) i32.const 0)
  (global (;508;) (mut i32) i32.const 0)
  (global (;509;) (mut i32) i32.const 0)
  (global (;510;) (mut i32) i32.const 0)
  (global (;511;) (mut i32) i32.const 0)
  (global (;512;) (mut i32) i32.const 0)
  (global (;513;) (mut i32) i32.const 0)
  (global (;514;) (mut i32) i32.const 0)
  (global (;515;) (mut i32) i32.const 0)
  (global (;516;) (mut i32) i32.const 0)
  (global (;517;) (mut i32) i32.const 0)
  (global (;518;) (mut i32) i32.const 0)
  (global (;519;) (mut i32) i32.const 0)
  (global (;520;) (mut i32) i32.const 0)
  (global (;521;) (mut i32) i32.const 0)
  (global (;522;) (mut i32) i32.const 0)
  (global (;523;) (mut i32) i32.const 0)
  (global (;524;) (mut i32) i32.const 0)
  (global (;525;) (mut i32) i32.const 0)
  (global (;526;) (mut i32) i32.const 0)
  (global (;527;) (mut i32) i32.const 0)
  (global (;528;) (mut i32) i32.const 0)
  (global (;529;) (mut i32) i32.const 0)
  (global (;530;) (mut i32) i32.const 0)
  (global (;531;) (mut i32) i32.const 0)
  (global (;532;) (mut i32) i32.const 0)
  (global (;533;) (mut i32) i32.const 0)
  (global (;534;) (mut i32) i32.const 0)
  (global (;535;) (mut i32) i32.const 0)
  (global (;536;) (mut i32) i32.const 0)
  (global (;537;) (mut i32) i32.const 0)
  (global (;538;) (mut i32) i32.const 0)
  (global (;539;) (mut i32) i32.const 0)
  (global (;540;) (mut i32) i32.const 0)
  (global (;541;) (mut i32) i32.const 0)
  (global (;542;) (mut i32) i32.const 0)
  (global (;543;) (mut i32) i32.const 0)
  (global (;544;) (mut i32) i32.const 0)
  (global (;545;) (mut i32) i32.const 0)
  (global (;546;) (mut i32) i32.const 0)
  (global (;547;) (mut i32) i32.const 0)
  (global (;548;) (mut i32) i32.const 0)
  (global (;549;) (mut i32) i32.const 0)
  (global (;550;) (mut i32) i32.const 0)
  (global (;551;) (mut i32) i32.const 0)
  (global (;552;) (mut i32) i32.const 0)
  (global (;553;) (mut i32) i32.const 0)
  (global (;554;) (mut i32) i32.const 0)
  (global (;555;) (mut i32) i32.const 0)
  (global (;556;) (mut i32) i32.const 0)
  (global (;557;) (mut i32) i32.const 0)
  (global (;558;) (mut i32) i32.const 0)
  (global (;559;) (mut i32) i32.const 0)
  (global (;560;) (mut i32) i32.const 0)
  (global (;561;) (mut i32) i32.const 0)
  (global (;562;) (mut i32) i32.const 0)
  (global (;563;) (mut i32) i32.const 0)
  (global (;564;) (mut i32) i32.const 0)
  (global (;565;) (mut i32) i32.const 0)
  (global (;566;) (mut i32) i32.const 0)
  (global (;567;) (mut i32) i32.const 0)
  (global (;568;) (mut i32) i32.const 0)
  (global (;569;) (mut i32) i32.const 0)
  (global (;570;) (mut i32) i32.const 0)
  (global (;571;) (mut i32) i32.const 0)
  (global (;572;) (mut i32) i32.const 0)
  (global (;573;) (mut i32) i32.const 0)
  (global (;574;) (mut i32) i32.const 0)
  (global (;575;) (mut i32) i32.const 0)
  (global (;576;) (mut i32) i32.const 0)
  (global (;577;) (mut i32) i32.const 0)
  (global (;578;) (mut i32) i32.const 0)
  (global (;579;) (mut i32) i32.const 0)
  (global (;580;) (mut i32) i32.const 0)
  (global (;581;) (mut i32) i32.const 0)
  (global (;582;) (mut i32) i32.const 0)
  (global (;583;) (mut i32) i32.const 0)
  (global (;584;) (mut i32) i32.const 0)
  (global (;585;) (mut i32) i32.const 0)
  (global (;586;) (mut i32) i32.const 0)
  (global (;587;) (mut i32) i32.const 0)
  (global (;588;) (mut i32) i32.const 0)
  (global (;589;) (mut i32) i32.const 0)
  (global (;590;) (mut i32) i32.const 0)
  (global (;591;) (mut i32) i32.const 0)
  (global (;592;) (mut i32) i32.const 0)
  (global (;593;) (mut i32) i32.const 0)
  (global (;594;) (mut i32) i32.const 0)
  (global (;595;) (mut i32) i32.const 0)
  (global (;596;) (mut i32) i32.const 0)
  (global (;597;) (mut i32) i32.const 0)
  (global (;598;) (mut i32) i32.const 0)
  (global (;599;) (mut i32) i32.const 0)
  (global (;600;) (mut i32) i32.const 0)
  (global (;601;) (mut i32) i32.const 0)
  (global (;602;) (mut i32) i32.const 0)
  (global (;603;) (mut i32) i32.const 0)
  (global (;604;) (mut i32) i32.const 0)
  (global (;605;) (mut i32) i32.const 0)
  (global (;606;) (mut i32) i32.const 0)
  (global (;607;) (mut i32) i32.const 0)
  (global (;608;) (mut i32) i32.const 0)
  (global (;609;) (mut i32) i32.const 0)
  (global (;610;) (mut i32) i32.const 0)
  (global (;611;) (mut i32) i32.const 0)
  (global (;612;) (mut i32) i32.const 0)
  (global (;613;) (mut i32) i32.const 0)
  (global (;614;) (mut i32) i32.const 0)
  (global (;615;) (mut i32) i32.const 0)
  (global (;616;) (mut i32) i32.const 0)
  (global (;617;) (mut i32) i32.const 0)
  (global (;618;) (mut i32) i32.const 0)
  (global (;619;) (mut i32) i32.const 0)
  (global (;620;) (mut i32) i32.const 0)
  (global (;621;) (mut i32) i32.const 0)
  (global (;622;) (mut i32) i32.const 0)
  (global (;623;) (mut i32) i32.const 0)
  (global (;624;) (mut i32) i32.const 0)
  (global (;625;) (mut i32) i32.const 0)
  (global (;626;) (mut i32) i32.const 0)
  (global (;627;) (mut i32) i32.const 0)
  (global (;628;) (mut i32) i32.const 0)
  (global (;629;) (mut i32) i32.const 0)
  (global (;630;) (mut i32) i32.const 0)
  (export "__bp_g0" (global 0))
  (export "__bp_g1" (global 1))
  (export "__bp_g2" (global 2))
  (export "__bp_g3" (global 3))
  (export "__bp_g4" (global 4))
  (export "__bp_g5" (global 5))
  (export "__bp_g6" (global 6))
  (export "__bp_g7" (global 7))
  (export "__bp_g8" (global 8))
  (export "__bp_g9" (global 9))
  (export "__bp_g10" (global 10))
  (export "__bp_g11" (global 11))
  (export "__bp_g12" (global 12))
  (export "__bp_g13" (global 13))
  (export "on_bar" (func 28))
  (export "on_order" (func 27))
  (export "on_trade" (func 26))
  (export "memory" (memory 0))
  (export "init" (func 23))
  (export "__bp_on_bar" (func 29))
  (export "__bp_bar" (memory 2))
  (export "__bp_fuel" (global 14))
  (export "__bp_bulk" (global 17))
  (export "__bp_depth" (global 16))
  (export "__bp_reserve" (global 18))
  (export "__bp_tp" (global 15))
  (export "__bp_trace" (memory 1))
  (export "__bp_bits" (global 19))
  (export "__bp_bitslot" (global 20))
  (export "__bp_predictors" (func 31))
  (func (;7;) (type 1) (param i32)
    (local i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 4
      call 5
    end
    global.get 14
    local.set 9
    global.get 15
    local.set 10
    global.get 19
    local.set 11
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 10
      i32.const 5
      i32.store 1
      local.get 10
      i32.const 4
      i32.add
      local.tee 10
      global.set 15
    end
    block ;; label = @1
      local.get 10
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 10
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 9
        global.get 15
        local.set 10
        global.get 19
        local.set 11
      end
      local.get 9
      i64.const 3
      i64.sub
      local.tee 9
      global.set 14
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 1
        call 4
      end
      local.get 0
      i32.eqz
      local.tee 3
      i32.const 0
      i32.ne
      local.get 11
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 11
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 11
          i32.store 1
        end
        local.get 10
        global.set 20
        local.get 10
        i32.const 4
        i32.add
        local.tee 10
        global.set 15
        i32.const 1
        local.tee 11
        global.set 19
      end
      local.get 11
      i32.const 1
      i32.shl
      i32.or
      local.tee 11
      global.set 19
      local.get 3
      if ;; label = @2
        local.get 9
        i64.const 1
        i64.sub
        local.tee 9
        global.set 14
        local.get 9
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 2
          call 4
        end
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        return
      end
      local.get 9
      i64.const 10
      i64.sub
      local.tee 9
      global.set 14
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 3
        call 4
      end
      global.get 8
      local.get 0
      i32.const 20
      i32.sub
      local.tee 0
      local.set 2
      local.get 2
      global.get 22
      i32.sub
      local.tee 7
      global.get 24
      i32.eq
      local.tee 8
      local.get 11
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 11
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 11
          i32.store 1
        end
        local.get 10
        global.set 20
        local.get 10
        i32.const 4
        i32.add
        local.tee 10
        global.set 15
        i32.const 1
        local.tee 11
        global.set 19
      end
      local.get 11
      i32.const 1
      i32.shl
      i32.or
      local.tee 11
      global.set 19
      local.get 8
      i32.eqz
      if ;; label = @2
        local.get 10
        local.get 2
        i32.store 1
        local.get 10
        i32.const 4
        i32.add
        local.tee 10
        global.set 15
      end
      global.get 23
      global.set 24
      local.get 7
      global.set 23
      local.get 2
      global.set 22
      local.get 2
      i32.load offset=4
      i32.const 3
      i32.and
      i32.eq
      local.tee 3
      i32.const 0
      i32.ne
      local.get 11
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 11
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 11
          i32.store 1
        end
        local.get 10
        global.set 20
        local.get 10
        i32.const 4
        i32.add
        local.tee 10
        global.set 15
        i32.const 1
        local.tee 11
        global.set 19
      end
      local.get 11
      i32.const 1
      i32.shl
      i32.or
      local.tee 11
      global.set 19
      local.get 3
      if ;; label = @2
        local.get 9
        i64.const 2
        i64.sub
        local.tee 9
        global.set 14
        local.get 9
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 4
          call 4
        end
        local.get 0
        call 12
        global.get 14
        local.set 9
        global.get 15
        local.set 10
        global.get 19
        local.set 11
        local.get 10
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 10
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 9
          global.get 15
          local.set 10
          global.get 19
          local.set 11
        end
        local.get 9
        i64.const 5
        i64.sub
        local.tee 9
        global.set 14
        local.get 9
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 5
          call 4
        end
        global.get 4
        i32.const 1
        i32.add
        global.set 4
      end
      local.get 9
      i64.const 1
      i64.sub
      local.tee 9
      global.set 14
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 6
        call 4
      end
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;8;) (type 2) (param i32 i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 5
      call 5
    end
    global.get 14
    local.set 15
    global.get 15
    local.set 16
    global.get 19
    local.set 17
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 16
      i32.const 6
      i32.store 1
      local.get 16
      i32.const 4
      i32.add
      local.tee 16
      global.set 15
    end
    block (result i32) ;; label = @1
      local.get 16
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 16
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
      end
      local.get 15
      i64.const 4
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 7
        call 4
      end
      local.get 0
      i32.const 1073741804
      i32.ge_u
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 5
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 8
          call 4
        end
        i32.const 1056
        i32.const 1120
        i32.const 261
        i32.const 31
        call 0
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 1
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 9
          call 4
        end
        unreachable
      end
      local.get 15
      i64.const 4
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 10
        call 4
      end
      global.get 1
      global.get 2
      i32.ge_u
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 4
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 11
          call 4
        end
        block ;; label = @3
          i32.const 2048
          local.set 2
          loop ;; label = @4
            local.get 16
            i32.const 1048576
            i32.gt_u
            if ;; label = @5
              local.get 16
              call 6
              i32.const 0
              global.set 15
              global.get 14
              local.set 15
              global.get 15
              local.set 16
              global.get 19
              local.set 17
            end
            local.get 15
            i64.const 2
            i64.sub
            local.tee 15
            global.set 14
            local.get 15
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 12
              call 4
            end
            local.get 2
            call 24
            global.get 14
            local.set 15
            global.get 15
            local.set 16
            global.get 19
            local.set 17
            local.get 16
            i32.const 1048576
            i32.gt_u
            if ;; label = @5
              local.get 16
              call 6
              i32.const 0
              global.set 15
              global.get 14
              local.set 15
              global.get 15
              local.set 16
              global.get 19
              local.set 17
            end
            local.get 15
            i64.const 5
            i64.sub
            local.tee 15
            global.set 14
            local.get 15
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 13
              call 4
            end
            i32.sub
            local.set 2
            global.get 3
            i32.eqz
            local.tee 9
            i32.const 0
            i32.ne
            local.get 17
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 17
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 17
                i32.store 1
              end
              local.get 16
              global.set 20
              local.get 16
              i32.const 4
              i32.add
              local.tee 16
              global.set 15
              i32.const 1
              local.tee 17
              global.set 19
            end
            local.get 17
            i32.const 1
            i32.shl
            i32.or
            local.tee 17
            global.set 19
            local.get 9
            if ;; label = @5
              local.get 15
              i64.const 7
              i64.sub
              local.tee 15
              global.set 14
              local.get 15
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 14
                call 4
              end
              global.get 1
              i32.const 1
              i32.shl
              i32.const 1024
              i32.add
              global.set 2
              br 2 (;@3;)
            end
            local.get 15
            i64.const 4
            i64.sub
            local.tee 15
            global.set 14
            local.get 15
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 15
              call 4
            end
            local.get 2
            i32.const 0
            i32.gt_s
            local.tee 9
            i32.const 0
            i32.ne
            local.get 17
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 17
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 17
                i32.store 1
              end
              local.get 16
              global.set 20
              local.get 16
              i32.const 4
              i32.add
              local.tee 16
              global.set 15
              i32.const 1
              local.tee 17
              global.set 19
            end
            local.get 17
            i32.const 1
            i32.shl
            i32.or
            local.tee 17
            global.set 19
            local.get 9
            br_if 0 (;@4;)
            local.get 15
            i64.const 1
            i64.sub
            local.tee 15
            global.set 14
            local.get 15
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 16
              call 4
            end
          end
          local.get 15
          i64.const 11
          i64.sub
          local.tee 15
          global.set 14
          local.get 15
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 17
            call 4
          end
          global.get 1
          global.get 1
          global.get 2
          i32.sub
          i32.const 1024
          i32.lt_u
          i32.const 10
          i32.shl
          i32.add
          global.set 2
        end
        local.get 15
        i64.const 1
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 18
          call 4
        end
      end
      local.get 15
      i64.const 3
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 19
        call 4
      end
      global.get 10
      i32.eqz
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 1
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 20
          call 4
        end
        call 17
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 1
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 21
          call 4
        end
      end
      local.get 15
      i64.const 9
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 22
        call 4
      end
      global.get 10
      local.set 4
      local.get 0
      i32.const 16
      i32.add
      local.tee 2
      i32.const 1073741820
      i32.gt_u
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 5
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 23
          call 4
        end
        i32.const 1056
        i32.const 1392
        i32.const 461
        i32.const 29
        call 0
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 1
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 24
          call 4
        end
        unreachable
      end
      local.get 15
      i64.const 5
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 25
        call 4
      end
      local.get 4
      local.get 2
      i32.const 12
      i32.le_u
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if (result i32) ;; label = @2
        local.get 15
        i64.const 2
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 26
          call 4
        end
        i32.const 12
      else
        local.get 15
        i64.const 8
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 27
          call 4
        end
        local.get 2
        i32.const 19
        i32.add
        i32.const -16
        i32.and
        i32.const 4
        i32.sub
      end
      local.get 15
      i64.const 2
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 28
        call 4
      end
      local.tee 5
      call 16
      global.get 14
      local.set 15
      global.get 15
      local.set 16
      global.get 19
      local.set 17
      local.get 16
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 16
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
      end
      local.get 15
      i64.const 3
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 29
        call 4
      end
      local.tee 2
      i32.eqz
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 4
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 30
          call 4
        end
        local.get 5
        i32.const 256
        i32.ge_u
        local.tee 9
        i32.const 0
        i32.ne
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 9
        if (result i32) ;; label = @3
          local.get 15
          i64.const 4
          i64.sub
          local.tee 15
          global.set 14
          local.get 15
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 31
            call 4
          end
          local.get 5
          i32.const 536870910
          i32.lt_u
          local.tee 9
          i32.const 0
          i32.ne
          local.get 17
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 17
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 17
              i32.store 1
            end
            local.get 16
            global.set 20
            local.get 16
            i32.const 4
            i32.add
            local.tee 16
            global.set 15
            i32.const 1
            local.tee 17
            global.set 19
          end
          local.get 17
          i32.const 1
          i32.shl
          i32.or
          local.tee 17
          global.set 19
          local.get 9
          if (result i32) ;; label = @4
            local.get 15
            i64.const 11
            i64.sub
            local.tee 15
            global.set 14
            local.get 15
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 32
              call 4
            end
            local.get 5
            i32.const 1
            i32.const 27
            local.get 5
            i32.clz
            i32.sub
            i32.shl
            i32.add
            i32.const 1
            i32.sub
          else
            local.get 15
            i64.const 2
            i64.sub
            local.tee 15
            global.set 14
            local.get 15
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 33
              call 4
            end
            local.get 5
          end
          local.get 15
          i64.const 1
          i64.sub
          local.tee 15
          global.set 14
          local.get 15
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 34
            call 4
          end
        else
          local.get 15
          i64.const 2
          i64.sub
          local.tee 15
          global.set 14
          local.get 15
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 35
            call 4
          end
          local.get 5
        end
        local.get 15
        i64.const 29
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 36
          call 4
        end
        i32.const 4
        local.get 4
        local.set 8
        local.get 8
        global.get 25
        i32.sub
        local.tee 13
        global.get 27
        i32.eq
        local.tee 14
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 14
        i32.eqz
        if ;; label = @3
          local.get 16
          local.get 8
          i32.store 1
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
        end
        global.get 26
        global.set 27
        local.get 13
        global.set 26
        local.get 8
        global.set 25
        local.get 8
        i32.load offset=1568
        memory.size
        local.tee 2
        i32.const 16
        i32.shl
        i32.const 4
        i32.sub
        i32.ne
        i32.shl
        i32.add
        i32.const 65535
        i32.add
        i32.const -65536
        i32.and
        i32.const 16
        i32.shr_u
        local.set 3
        local.get 2
        local.get 3
        local.get 2
        local.get 3
        i32.gt_s
        select
        local.tee 8
        memory.grow
        local.tee 9
        i32.const -1
        i32.ne
        if ;; label = @3
          local.get 8
          i64.extend_i32_u
          i64.const 13
          i64.shl
          local.tee 10
          global.get 14
          i64.gt_s
          if ;; label = @4
            i32.const -1
            call 4
          end
          global.get 14
          local.get 10
          i64.sub
          global.set 14
          global.get 17
          local.get 10
          i64.add
          global.set 17
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 9
        i32.const 0
        i32.lt_s
        local.tee 9
        i32.const 0
        i32.ne
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 9
        if ;; label = @3
          local.get 15
          i64.const 5
          i64.sub
          local.tee 15
          global.set 14
          local.get 15
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 37
            call 4
          end
          local.get 3
          local.tee 8
          memory.grow
          local.tee 9
          i32.const -1
          i32.ne
          if ;; label = @4
            local.get 8
            i64.extend_i32_u
            i64.const 13
            i64.shl
            local.tee 10
            global.get 14
            i64.gt_s
            if ;; label = @5
              i32.const -2
              call 4
            end
            global.get 14
            local.get 10
            i64.sub
            global.set 14
            global.get 17
            local.get 10
            i64.add
            global.set 17
            global.get 14
            local.set 15
            global.get 15
            local.set 16
            global.get 19
            local.set 17
          end
          local.get 9
          i32.const 0
          i32.lt_s
          local.tee 9
          i32.const 0
          i32.ne
          local.get 17
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 17
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 17
              i32.store 1
            end
            local.get 16
            global.set 20
            local.get 16
            i32.const 4
            i32.add
            local.tee 16
            global.set 15
            i32.const 1
            local.tee 17
            global.set 19
          end
          local.get 17
          i32.const 1
          i32.shl
          i32.or
          local.tee 17
          global.set 19
          local.get 9
          if ;; label = @4
            local.get 15
            i64.const 1
            i64.sub
            local.tee 15
            global.set 14
            local.get 15
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 38
              call 4
            end
            unreachable
          end
          local.get 15
          i64.const 1
          i64.sub
          local.tee 15
          global.set 14
          local.get 15
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 39
            call 4
          end
        end
        local.get 15
        i64.const 9
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 40
          call 4
        end
        local.get 4
        local.get 2
        i32.const 16
        i32.shl
        memory.size
        i64.extend_i32_s
        i64.const 16
        i64.shl
        call 18
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 3
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 41
          call 4
        end
        local.get 4
        local.get 5
        call 16
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 3
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 42
          call 4
        end
        local.tee 2
        i32.eqz
        local.tee 9
        i32.const 0
        i32.ne
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 9
        if ;; label = @3
          local.get 15
          i64.const 5
          i64.sub
          local.tee 15
          global.set 14
          local.get 15
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 43
            call 4
          end
          i32.const 0
          i32.const 1392
          i32.const 499
          i32.const 16
          call 0
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
          local.get 16
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 16
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 15
            global.get 15
            local.set 16
            global.get 19
            local.set 17
          end
          local.get 15
          i64.const 1
          i64.sub
          local.tee 15
          global.set 14
          local.get 15
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 44
            call 4
          end
          unreachable
        end
        local.get 15
        i64.const 1
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 45
          call 4
        end
      end
      local.get 15
      i64.const 7
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 46
        call 4
      end
      local.get 5
      local.get 2
      local.set 8
      local.get 8
      global.get 28
      i32.sub
      local.tee 13
      global.get 30
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 29
      global.set 30
      local.get 13
      global.set 29
      local.get 8
      global.set 28
      local.get 8
      i32.load
      i32.const -4
      i32.and
      i32.gt_u
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 5
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 47
          call 4
        end
        i32.const 0
        i32.const 1392
        i32.const 501
        i32.const 14
        call 0
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 1
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 48
          call 4
        end
        unreachable
      end
      local.get 15
      i64.const 3
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 49
        call 4
      end
      local.get 4
      local.get 2
      call 10
      global.get 14
      local.set 15
      global.get 15
      local.set 16
      global.get 19
      local.set 17
      local.get 16
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 16
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
      end
      local.get 15
      i64.const 9
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 50
        call 4
      end
      local.get 2
      local.set 8
      local.get 8
      global.get 31
      i32.sub
      local.tee 13
      global.get 33
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 32
      global.set 33
      local.get 13
      global.set 32
      local.get 8
      global.set 31
      local.get 8
      i32.load
      local.set 6
      local.get 5
      i32.const 4
      i32.add
      i32.const 15
      i32.and
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 5
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 51
          call 4
        end
        i32.const 0
        i32.const 1392
        i32.const 361
        i32.const 14
        call 0
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 1
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 52
          call 4
        end
        unreachable
      end
      local.get 15
      i64.const 9
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 53
        call 4
      end
      local.get 6
      i32.const -4
      i32.and
      local.get 5
      i32.sub
      local.tee 3
      i32.const 16
      i32.ge_u
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 22
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 54
          call 4
        end
        local.get 2
        local.get 5
        local.get 6
        i32.const 2
        i32.and
        i32.or
        local.set 9
        local.set 8
        local.get 8
        global.get 34
        i32.sub
        local.tee 13
        global.get 36
        i32.eq
        local.tee 14
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 14
        i32.eqz
        if ;; label = @3
          local.get 16
          local.get 8
          i32.store 1
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
        end
        global.get 35
        global.set 36
        local.get 13
        global.set 35
        local.get 8
        global.set 34
        local.get 8
        local.get 9
        i32.store
        local.get 2
        i32.const 4
        i32.add
        local.get 5
        i32.add
        local.tee 5
        local.get 3
        i32.const 4
        i32.sub
        i32.const 1
        i32.or
        local.set 9
        local.set 8
        local.get 8
        global.get 37
        i32.sub
        local.tee 13
        global.get 39
        i32.eq
        local.tee 14
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 14
        i32.eqz
        if ;; label = @3
          local.get 16
          local.get 8
          i32.store 1
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
        end
        global.get 38
        global.set 39
        local.get 13
        global.set 38
        local.get 8
        global.set 37
        local.get 8
        local.get 9
        i32.store
        local.get 4
        local.get 5
        call 11
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 1
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 55
          call 4
        end
      else
        local.get 15
        i64.const 20
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 56
          call 4
        end
        local.get 2
        local.get 6
        i32.const -2
        i32.and
        local.set 9
        local.set 8
        local.get 8
        global.get 40
        i32.sub
        local.tee 13
        global.get 42
        i32.eq
        local.tee 14
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 14
        i32.eqz
        if ;; label = @3
          local.get 16
          local.get 8
          i32.store 1
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
        end
        global.get 41
        global.set 42
        local.get 13
        global.set 41
        local.get 8
        global.set 40
        local.get 8
        local.get 9
        i32.store
        local.get 2
        i32.const 4
        i32.add
        local.get 2
        i32.load
        i32.const -4
        i32.and
        i32.add
        local.tee 3
        local.get 3
        local.set 8
        local.get 8
        global.get 43
        i32.sub
        local.tee 13
        global.get 45
        i32.eq
        local.tee 14
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 14
        i32.eqz
        if ;; label = @3
          local.get 16
          local.get 8
          i32.store 1
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
        end
        global.get 44
        global.set 45
        local.get 13
        global.set 44
        local.get 8
        global.set 43
        local.get 8
        i32.load
        i32.const -3
        i32.and
        i32.store
      end
      local.get 15
      i64.const 47
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 57
        call 4
      end
      local.get 2
      local.get 1
      local.set 9
      local.set 8
      local.get 8
      global.get 46
      i32.sub
      local.tee 13
      global.get 48
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 47
      global.set 48
      local.get 13
      global.set 47
      local.get 8
      global.set 46
      local.get 8
      local.get 9
      i32.store offset=12
      local.get 2
      local.get 0
      i32.store offset=16
      global.get 9
      local.tee 1
      local.set 8
      local.get 8
      global.get 49
      i32.sub
      local.tee 13
      global.get 51
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 50
      global.set 51
      local.get 13
      global.set 50
      local.get 8
      global.set 49
      local.get 8
      i32.load offset=8
      local.set 3
      local.get 2
      local.get 1
      global.get 8
      i32.or
      i32.store offset=4
      local.get 2
      local.get 3
      i32.store offset=8
      local.get 3
      local.get 2
      local.get 3
      local.set 8
      local.get 8
      global.get 52
      i32.sub
      local.tee 13
      global.get 54
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 53
      global.set 54
      local.get 13
      global.set 53
      local.get 8
      global.set 52
      local.get 8
      i32.load offset=4
      i32.const 3
      i32.and
      i32.or
      i32.store offset=4
      local.get 1
      local.get 2
      i32.store offset=8
      global.get 1
      local.get 2
      i32.load
      i32.const -4
      i32.and
      i32.const 4
      i32.add
      i32.add
      global.set 1
      local.get 2
      i32.const 20
      i32.add
      local.tee 1
      i32.const 0
      local.get 0
      local.tee 9
      local.get 9
      i64.extend_i32_u
      i64.const 3
      i64.shr_u
      local.tee 10
      global.get 14
      i64.gt_s
      if ;; label = @2
        i32.const -3
        call 4
      end
      global.get 14
      local.get 10
      i64.sub
      global.set 14
      global.get 17
      local.get 10
      i64.add
      global.set 17
      global.get 14
      local.set 15
      global.get 15
      local.set 16
      global.get 19
      local.set 17
      memory.fill
      local.get 1
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;9;) (type 0) (param i32 i32)
    (local i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 6
      call 5
    end
    global.get 14
    local.set 10
    global.get 15
    local.set 11
    global.get 19
    local.set 12
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 11
      i32.const 7
      i32.store 1
      local.get 11
      i32.const 4
      i32.add
      local.tee 11
      global.set 15
    end
    block ;; label = @1
      local.get 11
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 11
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
      end
      local.get 10
      i64.const 3
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 58
        call 4
      end
      local.get 1
      i32.eqz
      local.tee 4
      i32.const 0
      i32.ne
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 4
      if ;; label = @2
        local.get 10
        i64.const 1
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 59
          call 4
        end
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        return
      end
      local.get 10
      i64.const 3
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 60
        call 4
      end
      local.get 0
      i32.eqz
      local.tee 4
      i32.const 0
      i32.ne
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 4
      if ;; label = @2
        local.get 10
        i64.const 5
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 61
          call 4
        end
        i32.const 0
        i32.const 1120
        i32.const 295
        i32.const 14
        call 0
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 1
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 62
          call 4
        end
        unreachable
      end
      local.get 10
      i64.const 10
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 63
        call 4
      end
      global.get 8
      local.get 1
      i32.const 20
      i32.sub
      local.tee 1
      local.set 3
      local.get 3
      global.get 55
      i32.sub
      local.tee 8
      global.get 57
      i32.eq
      local.tee 9
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 9
      i32.eqz
      if ;; label = @2
        local.get 11
        local.get 3
        i32.store 1
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
      end
      global.get 56
      global.set 57
      local.get 8
      global.set 56
      local.get 3
      global.set 55
      local.get 3
      i32.load offset=4
      i32.const 3
      i32.and
      i32.eq
      local.tee 4
      i32.const 0
      i32.ne
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 4
      if ;; label = @2
        local.get 10
        i64.const 11
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 64
          call 4
        end
        local.get 0
        i32.const 20
        i32.sub
        local.set 3
        local.get 3
        global.get 58
        i32.sub
        local.tee 8
        global.get 60
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 59
        global.set 60
        local.get 8
        global.set 59
        local.get 3
        global.set 58
        local.get 3
        i32.load offset=4
        i32.const 3
        i32.and
        local.tee 0
        global.get 8
        i32.eqz
        i32.eq
        local.tee 4
        i32.const 0
        i32.ne
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 4
        if ;; label = @3
          local.get 10
          i64.const 2
          i64.sub
          local.tee 10
          global.set 14
          local.get 10
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 65
            call 4
          end
          local.get 1
          call 12
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
          local.get 11
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 11
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 10
            global.get 15
            local.set 11
            global.get 19
            local.set 12
          end
          local.get 10
          i64.const 1
          i64.sub
          local.tee 10
          global.set 14
          local.get 10
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 66
            call 4
          end
        else
          local.get 10
          i64.const 8
          i64.sub
          local.tee 10
          global.set 14
          local.get 10
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 67
            call 4
          end
          global.get 3
          i32.const 1
          i32.eq
          local.get 0
          i32.const 3
          i32.eq
          i32.and
          local.tee 4
          i32.const 0
          i32.ne
          local.get 12
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 12
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 12
              i32.store 1
            end
            local.get 11
            global.set 20
            local.get 11
            i32.const 4
            i32.add
            local.tee 11
            global.set 15
            i32.const 1
            local.tee 12
            global.set 19
          end
          local.get 12
          i32.const 1
          i32.shl
          i32.or
          local.tee 12
          global.set 19
          local.get 4
          if ;; label = @4
            local.get 10
            i64.const 2
            i64.sub
            local.tee 10
            global.set 14
            local.get 10
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 68
              call 4
            end
            local.get 1
            call 12
            global.get 14
            local.set 10
            global.get 15
            local.set 11
            global.get 19
            local.set 12
            local.get 11
            i32.const 1048576
            i32.gt_u
            if ;; label = @5
              local.get 11
              call 6
              i32.const 0
              global.set 15
              global.get 14
              local.set 10
              global.get 15
              local.set 11
              global.get 19
              local.set 12
            end
            local.get 10
            i64.const 1
            i64.sub
            local.tee 10
            global.set 14
            local.get 10
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 69
              call 4
            end
          end
          local.get 10
          i64.const 1
          i64.sub
          local.tee 10
          global.set 14
          local.get 10
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 70
            call 4
          end
        end
        local.get 10
        i64.const 1
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 71
          call 4
        end
      end
      local.get 10
      i64.const 1
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 72
        call 4
      end
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;10;) (type 0) (param i32 i32)
    (local i32 i32 i32 i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 7
      call 5
    end
    global.get 14
    local.set 14
    global.get 15
    local.set 15
    global.get 19
    local.set 16
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 15
      i32.const 8
      i32.store 1
      local.get 15
      i32.const 4
      i32.add
      local.tee 15
      global.set 15
    end
    block ;; label = @1
      local.get 15
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 15
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 14
        global.get 15
        local.set 15
        global.get 19
        local.set 16
      end
      local.get 14
      i64.const 7
      i64.sub
      local.tee 14
      global.set 14
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 73
        call 4
      end
      local.get 1
      local.set 7
      local.get 7
      global.get 61
      i32.sub
      local.tee 12
      global.get 63
      i32.eq
      local.tee 13
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 13
      i32.eqz
      if ;; label = @2
        local.get 15
        local.get 7
        i32.store 1
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
      end
      global.get 62
      global.set 63
      local.get 12
      global.set 62
      local.get 7
      global.set 61
      local.get 7
      i32.load
      local.tee 3
      i32.const 1
      i32.and
      i32.eqz
      local.tee 8
      i32.const 0
      i32.ne
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 8
      if ;; label = @2
        local.get 14
        i64.const 5
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 74
          call 4
        end
        i32.const 0
        i32.const 1392
        i32.const 268
        i32.const 14
        call 0
        global.get 14
        local.set 14
        global.get 15
        local.set 15
        global.get 19
        local.set 16
        local.get 15
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 15
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 14
          global.get 15
          local.set 15
          global.get 19
          local.set 16
        end
        local.get 14
        i64.const 1
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 75
          call 4
        end
        unreachable
      end
      local.get 14
      i64.const 7
      i64.sub
      local.tee 14
      global.set 14
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 76
        call 4
      end
      local.get 3
      i32.const -4
      i32.and
      local.tee 3
      i32.const 12
      i32.lt_u
      local.tee 8
      i32.const 0
      i32.ne
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 8
      if ;; label = @2
        local.get 14
        i64.const 5
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 77
          call 4
        end
        i32.const 0
        i32.const 1392
        i32.const 270
        i32.const 14
        call 0
        global.get 14
        local.set 14
        global.get 15
        local.set 15
        global.get 19
        local.set 16
        local.get 15
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 15
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 14
          global.get 15
          local.set 15
          global.get 19
          local.set 16
        end
        local.get 14
        i64.const 1
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 78
          call 4
        end
        unreachable
      end
      local.get 14
      i64.const 4
      i64.sub
      local.tee 14
      global.set 14
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 79
        call 4
      end
      local.get 3
      i32.const 256
      i32.lt_u
      local.tee 8
      i32.const 0
      i32.ne
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 8
      if (result i32) ;; label = @2
        local.get 14
        i64.const 4
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 80
          call 4
        end
        local.get 3
        i32.const 4
        i32.shr_u
      else
        local.get 14
        i64.const 22
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 81
          call 4
        end
        i32.const 31
        i32.const 1073741820
        local.get 3
        local.get 3
        i32.const 1073741820
        i32.ge_u
        select
        local.tee 3
        i32.clz
        i32.sub
        local.tee 4
        i32.const 7
        i32.sub
        local.set 2
        local.get 3
        local.get 4
        i32.const 4
        i32.sub
        i32.shr_u
        i32.const 16
        i32.xor
      end
      local.get 14
      i64.const 9
      i64.sub
      local.tee 14
      global.set 14
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 82
        call 4
      end
      local.tee 3
      i32.const 16
      i32.lt_u
      local.get 2
      i32.const 23
      i32.lt_u
      i32.and
      i32.eqz
      local.tee 8
      i32.const 0
      i32.ne
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 8
      if ;; label = @2
        local.get 14
        i64.const 5
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 83
          call 4
        end
        i32.const 0
        i32.const 1392
        i32.const 284
        i32.const 14
        call 0
        global.get 14
        local.set 14
        global.get 15
        local.set 15
        global.get 19
        local.set 16
        local.get 15
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 15
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 14
          global.get 15
          local.set 15
          global.get 19
          local.set 16
        end
        local.get 14
        i64.const 1
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 84
          call 4
        end
        unreachable
      end
      local.get 14
      i64.const 7
      i64.sub
      local.tee 14
      global.set 14
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 85
        call 4
      end
      local.get 1
      local.set 7
      local.get 7
      global.get 64
      i32.sub
      local.tee 12
      global.get 66
      i32.eq
      local.tee 13
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 13
      i32.eqz
      if ;; label = @2
        local.get 15
        local.get 7
        i32.store 1
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
      end
      global.get 65
      global.set 66
      local.get 12
      global.set 65
      local.get 7
      global.set 64
      local.get 7
      i32.load offset=8
      local.set 5
      local.get 1
      i32.load offset=4
      local.tee 4
      local.tee 8
      i32.const 0
      i32.ne
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 8
      if ;; label = @2
        local.get 14
        i64.const 4
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 86
          call 4
        end
        local.get 4
        local.get 5
        local.set 8
        local.set 7
        local.get 7
        global.get 67
        i32.sub
        local.tee 12
        global.get 69
        i32.eq
        local.tee 13
        local.get 16
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 16
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 16
            i32.store 1
          end
          local.get 15
          global.set 20
          local.get 15
          i32.const 4
          i32.add
          local.tee 15
          global.set 15
          i32.const 1
          local.tee 16
          global.set 19
        end
        local.get 16
        i32.const 1
        i32.shl
        i32.or
        local.tee 16
        global.set 19
        local.get 13
        i32.eqz
        if ;; label = @3
          local.get 15
          local.get 7
          i32.store 1
          local.get 15
          i32.const 4
          i32.add
          local.tee 15
          global.set 15
        end
        global.get 68
        global.set 69
        local.get 12
        global.set 68
        local.get 7
        global.set 67
        local.get 7
        local.get 8
        i32.store offset=8
      end
      local.get 14
      i64.const 2
      i64.sub
      local.tee 14
      global.set 14
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 87
        call 4
      end
      local.get 5
      local.tee 8
      i32.const 0
      i32.ne
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 8
      if ;; label = @2
        local.get 14
        i64.const 4
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 88
          call 4
        end
        local.get 5
        local.get 4
        local.set 8
        local.set 7
        local.get 7
        global.get 70
        i32.sub
        local.tee 12
        global.get 72
        i32.eq
        local.tee 13
        local.get 16
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 16
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 16
            i32.store 1
          end
          local.get 15
          global.set 20
          local.get 15
          i32.const 4
          i32.add
          local.tee 15
          global.set 15
          i32.const 1
          local.tee 16
          global.set 19
        end
        local.get 16
        i32.const 1
        i32.shl
        i32.or
        local.tee 16
        global.set 19
        local.get 13
        i32.eqz
        if ;; label = @3
          local.get 15
          local.get 7
          i32.store 1
          local.get 15
          i32.const 4
          i32.add
          local.tee 15
          global.set 15
        end
        global.get 71
        global.set 72
        local.get 12
        global.set 71
        local.get 7
        global.set 70
        local.get 7
        local.get 8
        i32.store offset=4
      end
      local.get 14
      i64.const 14
      i64.sub
      local.tee 14
      global.set 14
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 89
        call 4
      end
      local.get 1
      local.get 0
      local.get 2
      i32.const 4
      i32.shl
      local.get 3
      i32.add
      i32.const 2
      i32.shl
      i32.add
      local.tee 1
      local.set 7
      local.get 7
      global.get 73
      i32.sub
      local.tee 12
      global.get 75
      i32.eq
      local.tee 13
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 13
      i32.eqz
      if ;; label = @2
        local.get 15
        local.get 7
        i32.store 1
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
      end
      global.get 74
      global.set 75
      local.get 12
      global.set 74
      local.get 7
      global.set 73
      local.get 7
      i32.load offset=96
      i32.eq
      local.tee 8
      i32.const 0
      i32.ne
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 8
      if ;; label = @2
        local.get 14
        i64.const 6
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 90
          call 4
        end
        local.get 1
        local.get 5
        local.set 8
        local.set 7
        local.get 7
        global.get 76
        i32.sub
        local.tee 12
        global.get 78
        i32.eq
        local.tee 13
        local.get 16
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 16
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 16
            i32.store 1
          end
          local.get 15
          global.set 20
          local.get 15
          i32.const 4
          i32.add
          local.tee 15
          global.set 15
          i32.const 1
          local.tee 16
          global.set 19
        end
        local.get 16
        i32.const 1
        i32.shl
        i32.or
        local.tee 16
        global.set 19
        local.get 13
        i32.eqz
        if ;; label = @3
          local.get 15
          local.get 7
          i32.store 1
          local.get 15
          i32.const 4
          i32.add
          local.tee 15
          global.set 15
        end
        global.get 77
        global.set 78
        local.get 12
        global.set 77
        local.get 7
        global.set 76
        local.get 7
        local.get 8
        i32.store offset=96
        local.get 5
        i32.eqz
        local.tee 8
        i32.const 0
        i32.ne
        local.get 16
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 16
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 16
            i32.store 1
          end
          local.get 15
          global.set 20
          local.get 15
          i32.const 4
          i32.add
          local.tee 15
          global.set 15
          i32.const 1
          local.tee 16
          global.set 19
        end
        local.get 16
        i32.const 1
        i32.shl
        i32.or
        local.tee 16
        global.set 19
        local.get 8
        if ;; label = @3
          local.get 14
          i64.const 18
          i64.sub
          local.tee 14
          global.set 14
          local.get 14
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 91
            call 4
          end
          local.get 0
          local.get 2
          i32.const 2
          i32.shl
          i32.add
          local.tee 1
          local.set 7
          local.get 7
          global.get 79
          i32.sub
          local.tee 12
          global.get 81
          i32.eq
          local.tee 13
          local.get 16
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 16
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 16
              i32.store 1
            end
            local.get 15
            global.set 20
            local.get 15
            i32.const 4
            i32.add
            local.tee 15
            global.set 15
            i32.const 1
            local.tee 16
            global.set 19
          end
          local.get 16
          i32.const 1
          i32.shl
          i32.or
          local.tee 16
          global.set 19
          local.get 13
          i32.eqz
          if ;; label = @4
            local.get 15
            local.get 7
            i32.store 1
            local.get 15
            i32.const 4
            i32.add
            local.tee 15
            global.set 15
          end
          global.get 80
          global.set 81
          local.get 12
          global.set 80
          local.get 7
          global.set 79
          local.get 7
          i32.load offset=4
          i32.const -2
          local.get 3
          i32.rotl
          i32.and
          local.set 3
          local.get 1
          local.get 3
          i32.store offset=4
          local.get 3
          i32.eqz
          local.tee 8
          i32.const 0
          i32.ne
          local.get 16
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 16
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 16
              i32.store 1
            end
            local.get 15
            global.set 20
            local.get 15
            i32.const 4
            i32.add
            local.tee 15
            global.set 15
            i32.const 1
            local.tee 16
            global.set 19
          end
          local.get 16
          i32.const 1
          i32.shl
          i32.or
          local.tee 16
          global.set 19
          local.get 8
          if ;; label = @4
            local.get 14
            i64.const 9
            i64.sub
            local.tee 14
            global.set 14
            local.get 14
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 92
              call 4
            end
            local.get 0
            local.get 0
            local.set 7
            local.get 7
            global.get 82
            i32.sub
            local.tee 12
            global.get 84
            i32.eq
            local.tee 13
            local.get 16
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 16
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 16
                i32.store 1
              end
              local.get 15
              global.set 20
              local.get 15
              i32.const 4
              i32.add
              local.tee 15
              global.set 15
              i32.const 1
              local.tee 16
              global.set 19
            end
            local.get 16
            i32.const 1
            i32.shl
            i32.or
            local.tee 16
            global.set 19
            local.get 13
            i32.eqz
            if ;; label = @5
              local.get 15
              local.get 7
              i32.store 1
              local.get 15
              i32.const 4
              i32.add
              local.tee 15
              global.set 15
            end
            global.get 83
            global.set 84
            local.get 12
            global.set 83
            local.get 7
            global.set 82
            local.get 7
            i32.load
            i32.const -2
            local.get 2
            i32.rotl
            i32.and
            i32.store
          end
          local.get 14
          i64.const 1
          i64.sub
          local.tee 14
          global.set 14
          local.get 14
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 93
            call 4
          end
        end
        local.get 14
        i64.const 1
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 94
          call 4
        end
      end
      local.get 14
      i64.const 1
      i64.sub
      local.tee 14
      global.set 14
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 95
        call 4
      end
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;11;) (type 0) (param i32 i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 8
      call 5
    end
    global.get 14
    local.set 15
    global.get 15
    local.set 16
    global.get 19
    local.set 17
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 16
      i32.const 9
      i32.store 1
      local.get 16
      i32.const 4
      i32.add
      local.tee 16
      global.set 15
    end
    block ;; label = @1
      local.get 16
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 16
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
      end
      local.get 15
      i64.const 3
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 96
        call 4
      end
      local.get 1
      i32.eqz
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 5
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 97
          call 4
        end
        i32.const 0
        i32.const 1392
        i32.const 201
        i32.const 14
        call 0
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 1
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 98
          call 4
        end
        unreachable
      end
      local.get 15
      i64.const 7
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 99
        call 4
      end
      local.get 1
      local.set 8
      local.get 8
      global.get 85
      i32.sub
      local.tee 13
      global.get 87
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 86
      global.set 87
      local.get 13
      global.set 86
      local.get 8
      global.set 85
      local.get 8
      i32.load
      local.tee 3
      i32.const 1
      i32.and
      i32.eqz
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 5
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 100
          call 4
        end
        i32.const 0
        i32.const 1392
        i32.const 203
        i32.const 14
        call 0
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 1
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 101
          call 4
        end
        unreachable
      end
      local.get 15
      i64.const 14
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 102
        call 4
      end
      local.get 1
      i32.const 4
      i32.add
      local.get 1
      local.set 8
      local.get 8
      global.get 88
      i32.sub
      local.tee 13
      global.get 90
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 89
      global.set 90
      local.get 13
      global.set 89
      local.get 8
      global.set 88
      local.get 8
      i32.load
      i32.const -4
      i32.and
      i32.add
      local.tee 4
      local.set 8
      local.get 8
      global.get 91
      i32.sub
      local.tee 13
      global.get 93
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 92
      global.set 93
      local.get 13
      global.set 92
      local.get 8
      global.set 91
      local.get 8
      i32.load
      local.tee 2
      i32.const 1
      i32.and
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 3
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 103
          call 4
        end
        local.get 0
        local.get 4
        call 10
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 22
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 104
          call 4
        end
        local.get 1
        local.get 3
        i32.const 4
        i32.add
        local.get 2
        i32.const -4
        i32.and
        i32.add
        local.tee 3
        local.set 9
        local.set 8
        local.get 8
        global.get 94
        i32.sub
        local.tee 13
        global.get 96
        i32.eq
        local.tee 14
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 14
        i32.eqz
        if ;; label = @3
          local.get 16
          local.get 8
          i32.store 1
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
        end
        global.get 95
        global.set 96
        local.get 13
        global.set 95
        local.get 8
        global.set 94
        local.get 8
        local.get 9
        i32.store
        local.get 1
        i32.const 4
        i32.add
        local.get 1
        i32.load
        i32.const -4
        i32.and
        i32.add
        local.tee 4
        local.set 8
        local.get 8
        global.get 97
        i32.sub
        local.tee 13
        global.get 99
        i32.eq
        local.tee 14
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 14
        i32.eqz
        if ;; label = @3
          local.get 16
          local.get 8
          i32.store 1
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
        end
        global.get 98
        global.set 99
        local.get 13
        global.set 98
        local.get 8
        global.set 97
        local.get 8
        i32.load
        local.set 2
      end
      local.get 15
      i64.const 4
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 105
        call 4
      end
      local.get 3
      i32.const 2
      i32.and
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 11
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 106
          call 4
        end
        local.get 1
        i32.const 4
        i32.sub
        local.set 8
        local.get 8
        global.get 100
        i32.sub
        local.tee 13
        global.get 102
        i32.eq
        local.tee 14
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 14
        i32.eqz
        if ;; label = @3
          local.get 16
          local.get 8
          i32.store 1
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
        end
        global.get 101
        global.set 102
        local.get 13
        global.set 101
        local.get 8
        global.set 100
        local.get 8
        i32.load
        local.tee 1
        local.set 8
        local.get 8
        global.get 103
        i32.sub
        local.tee 13
        global.get 105
        i32.eq
        local.tee 14
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 14
        i32.eqz
        if ;; label = @3
          local.get 16
          local.get 8
          i32.store 1
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
        end
        global.get 104
        global.set 105
        local.get 13
        global.set 104
        local.get 8
        global.set 103
        local.get 8
        i32.load
        local.tee 6
        i32.const 1
        i32.and
        i32.eqz
        local.tee 9
        i32.const 0
        i32.ne
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 9
        if ;; label = @3
          local.get 15
          i64.const 5
          i64.sub
          local.tee 15
          global.set 14
          local.get 15
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 107
            call 4
          end
          i32.const 0
          i32.const 1392
          i32.const 221
          i32.const 16
          call 0
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
          local.get 16
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 16
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 15
            global.get 15
            local.set 16
            global.get 19
            local.set 17
          end
          local.get 15
          i64.const 1
          i64.sub
          local.tee 15
          global.set 14
          local.get 15
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 108
            call 4
          end
          unreachable
        end
        local.get 15
        i64.const 3
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 109
          call 4
        end
        local.get 0
        local.get 1
        call 10
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 11
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 110
          call 4
        end
        local.get 1
        local.get 6
        i32.const 4
        i32.add
        local.get 3
        i32.const -4
        i32.and
        i32.add
        local.tee 3
        local.set 9
        local.set 8
        local.get 8
        global.get 106
        i32.sub
        local.tee 13
        global.get 108
        i32.eq
        local.tee 14
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 14
        i32.eqz
        if ;; label = @3
          local.get 16
          local.get 8
          i32.store 1
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
        end
        global.get 107
        global.set 108
        local.get 13
        global.set 107
        local.get 8
        global.set 106
        local.get 8
        local.get 9
        i32.store
      end
      local.get 15
      i64.const 12
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 111
        call 4
      end
      local.get 4
      local.get 2
      i32.const 2
      i32.or
      local.set 9
      local.set 8
      local.get 8
      global.get 109
      i32.sub
      local.tee 13
      global.get 111
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 110
      global.set 111
      local.get 13
      global.set 110
      local.get 8
      global.set 109
      local.get 8
      local.get 9
      i32.store
      local.get 3
      i32.const -4
      i32.and
      local.tee 2
      i32.const 12
      i32.lt_u
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 5
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 112
          call 4
        end
        i32.const 0
        i32.const 1392
        i32.const 233
        i32.const 14
        call 0
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 1
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 113
          call 4
        end
        unreachable
      end
      local.get 15
      i64.const 8
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 114
        call 4
      end
      local.get 4
      local.get 1
      i32.const 4
      i32.add
      local.get 2
      i32.add
      i32.ne
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 5
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 115
          call 4
        end
        i32.const 0
        i32.const 1392
        i32.const 234
        i32.const 14
        call 0
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 1
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 116
          call 4
        end
        unreachable
      end
      local.get 15
      i64.const 9
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 117
        call 4
      end
      local.get 4
      i32.const 4
      i32.sub
      local.get 1
      local.set 9
      local.set 8
      local.get 8
      global.get 112
      i32.sub
      local.tee 13
      global.get 114
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 113
      global.set 114
      local.get 13
      global.set 113
      local.get 8
      global.set 112
      local.get 8
      local.get 9
      i32.store
      local.get 2
      i32.const 256
      i32.lt_u
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if (result i32) ;; label = @2
        local.get 15
        i64.const 4
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 118
          call 4
        end
        local.get 2
        i32.const 4
        i32.shr_u
      else
        local.get 15
        i64.const 22
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 119
          call 4
        end
        i32.const 31
        i32.const 1073741820
        local.get 2
        local.get 2
        i32.const 1073741820
        i32.ge_u
        select
        local.tee 2
        i32.clz
        i32.sub
        local.tee 3
        i32.const 7
        i32.sub
        local.set 5
        local.get 2
        local.get 3
        i32.const 4
        i32.sub
        i32.shr_u
        i32.const 16
        i32.xor
      end
      local.get 15
      i64.const 9
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 120
        call 4
      end
      local.tee 2
      i32.const 16
      i32.lt_u
      local.get 5
      i32.const 23
      i32.lt_u
      i32.and
      i32.eqz
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 5
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 121
          call 4
        end
        i32.const 0
        i32.const 1392
        i32.const 251
        i32.const 14
        call 0
        global.get 14
        local.set 15
        global.get 15
        local.set 16
        global.get 19
        local.set 17
        local.get 16
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 16
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 15
          global.get 15
          local.set 16
          global.get 19
          local.set 17
        end
        local.get 15
        i64.const 1
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 122
          call 4
        end
        unreachable
      end
      local.get 15
      i64.const 19
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 123
        call 4
      end
      local.get 0
      local.get 5
      i32.const 4
      i32.shl
      local.get 2
      i32.add
      i32.const 2
      i32.shl
      i32.add
      local.set 8
      local.get 8
      global.get 115
      i32.sub
      local.tee 13
      global.get 117
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 116
      global.set 117
      local.get 13
      global.set 116
      local.get 8
      global.set 115
      local.get 8
      i32.load offset=96
      local.set 3
      local.get 1
      i32.const 0
      local.set 9
      local.set 8
      local.get 8
      global.get 118
      i32.sub
      local.tee 13
      global.get 120
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 119
      global.set 120
      local.get 13
      global.set 119
      local.get 8
      global.set 118
      local.get 8
      local.get 9
      i32.store offset=4
      local.get 1
      local.get 3
      i32.store offset=8
      local.get 3
      local.tee 9
      i32.const 0
      i32.ne
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 9
      if ;; label = @2
        local.get 15
        i64.const 4
        i64.sub
        local.tee 15
        global.set 14
        local.get 15
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 124
          call 4
        end
        local.get 3
        local.get 1
        local.set 9
        local.set 8
        local.get 8
        global.get 121
        i32.sub
        local.tee 13
        global.get 123
        i32.eq
        local.tee 14
        local.get 17
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 17
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 17
            i32.store 1
          end
          local.get 16
          global.set 20
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
          i32.const 1
          local.tee 17
          global.set 19
        end
        local.get 17
        i32.const 1
        i32.shl
        i32.or
        local.tee 17
        global.set 19
        local.get 14
        i32.eqz
        if ;; label = @3
          local.get 16
          local.get 8
          i32.store 1
          local.get 16
          i32.const 4
          i32.add
          local.tee 16
          global.set 15
        end
        global.get 122
        global.set 123
        local.get 13
        global.set 122
        local.get 8
        global.set 121
        local.get 8
        local.get 9
        i32.store offset=4
      end
      local.get 15
      i64.const 33
      i64.sub
      local.tee 15
      global.set 14
      local.get 15
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 125
        call 4
      end
      local.get 0
      local.get 5
      i32.const 4
      i32.shl
      local.get 2
      i32.add
      i32.const 2
      i32.shl
      i32.add
      local.get 1
      local.set 9
      local.set 8
      local.get 8
      global.get 124
      i32.sub
      local.tee 13
      global.get 126
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 125
      global.set 126
      local.get 13
      global.set 125
      local.get 8
      global.set 124
      local.get 8
      local.get 9
      i32.store offset=96
      local.get 0
      local.get 0
      local.set 8
      local.get 8
      global.get 127
      i32.sub
      local.tee 13
      global.get 129
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 128
      global.set 129
      local.get 13
      global.set 128
      local.get 8
      global.set 127
      local.get 8
      i32.load
      i32.const 1
      local.get 5
      i32.shl
      i32.or
      i32.store
      local.get 0
      local.get 5
      i32.const 2
      i32.shl
      i32.add
      local.tee 0
      local.get 0
      local.set 8
      local.get 8
      global.get 130
      i32.sub
      local.tee 13
      global.get 132
      i32.eq
      local.tee 14
      local.get 17
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 17
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 17
          i32.store 1
        end
        local.get 16
        global.set 20
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
        i32.const 1
        local.tee 17
        global.set 19
      end
      local.get 17
      i32.const 1
      i32.shl
      i32.or
      local.tee 17
      global.set 19
      local.get 14
      i32.eqz
      if ;; label = @2
        local.get 16
        local.get 8
        i32.store 1
        local.get 16
        i32.const 4
        i32.add
        local.tee 16
        global.set 15
      end
      global.get 131
      global.set 132
      local.get 13
      global.set 131
      local.get 8
      global.set 130
      local.get 8
      i32.load offset=4
      i32.const 1
      local.get 2
      i32.shl
      i32.or
      i32.store offset=4
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;12;) (type 1) (param i32)
    (local i32 i32 i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 9
      call 5
    end
    global.get 14
    local.set 12
    global.get 15
    local.set 13
    global.get 19
    local.set 14
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 13
      i32.const 10
      i32.store 1
      local.get 13
      i32.const 4
      i32.add
      local.tee 13
      global.set 15
    end
    block ;; label = @1
      local.get 13
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 13
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
      end
      local.get 12
      i64.const 4
      i64.sub
      local.tee 12
      global.set 14
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 126
        call 4
      end
      local.get 0
      global.get 6
      i32.eq
      local.tee 6
      i32.const 0
      i32.ne
      local.get 14
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 14
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 14
          i32.store 1
        end
        local.get 13
        global.set 20
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
        i32.const 1
        local.tee 14
        global.set 19
      end
      local.get 14
      i32.const 1
      i32.shl
      i32.or
      local.tee 14
      global.set 19
      local.get 6
      if ;; label = @2
        local.get 12
        i64.const 5
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 127
          call 4
        end
        local.get 0
        local.set 5
        local.get 5
        global.get 133
        i32.sub
        local.tee 10
        global.get 135
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 134
        global.set 135
        local.get 10
        global.set 134
        local.get 5
        global.set 133
        local.get 5
        i32.load offset=8
        local.tee 1
        i32.eqz
        local.tee 6
        i32.const 0
        i32.ne
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 6
        if ;; label = @3
          local.get 12
          i64.const 5
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 128
            call 4
          end
          i32.const 0
          i32.const 1120
          i32.const 148
          i32.const 30
          call 0
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
          local.get 13
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 13
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 12
            global.get 15
            local.set 13
            global.get 19
            local.set 14
          end
          local.get 12
          i64.const 1
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 129
            call 4
          end
          unreachable
        end
        local.get 12
        i64.const 3
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 130
          call 4
        end
        local.get 1
        global.set 6
      end
      local.get 12
      i64.const 8
      i64.sub
      local.tee 12
      global.set 14
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 131
        call 4
      end
      block ;; label = @2
        local.get 0
        local.set 5
        local.get 5
        global.get 136
        i32.sub
        local.tee 10
        global.get 138
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 137
        global.set 138
        local.get 10
        global.set 137
        local.get 5
        global.set 136
        local.get 5
        i32.load offset=4
        i32.const -4
        i32.and
        local.tee 1
        i32.eqz
        local.tee 6
        i32.const 0
        i32.ne
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 6
        if ;; label = @3
          local.get 12
          i64.const 9
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 132
            call 4
          end
          local.get 0
          local.set 5
          local.get 5
          global.get 139
          i32.sub
          local.tee 10
          global.get 141
          i32.eq
          local.tee 11
          local.get 14
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 14
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 14
              i32.store 1
            end
            local.get 13
            global.set 20
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
            i32.const 1
            local.tee 14
            global.set 19
          end
          local.get 14
          i32.const 1
          i32.shl
          i32.or
          local.tee 14
          global.set 19
          local.get 11
          i32.eqz
          if ;; label = @4
            local.get 13
            local.get 5
            i32.store 1
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
          end
          global.get 140
          global.set 141
          local.get 10
          global.set 140
          local.get 5
          global.set 139
          local.get 5
          i32.load offset=8
          i32.eqz
          local.get 0
          i32.const 34848
          i32.lt_u
          i32.and
          i32.eqz
          local.tee 6
          i32.const 0
          i32.ne
          local.get 14
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 14
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 14
              i32.store 1
            end
            local.get 13
            global.set 20
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
            i32.const 1
            local.tee 14
            global.set 19
          end
          local.get 14
          i32.const 1
          i32.shl
          i32.or
          local.tee 14
          global.set 19
          local.get 6
          if ;; label = @4
            local.get 12
            i64.const 5
            i64.sub
            local.tee 12
            global.set 14
            local.get 12
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 133
              call 4
            end
            i32.const 0
            i32.const 1120
            i32.const 128
            i32.const 18
            call 0
            global.get 14
            local.set 12
            global.get 15
            local.set 13
            global.get 19
            local.set 14
            local.get 13
            i32.const 1048576
            i32.gt_u
            if ;; label = @5
              local.get 13
              call 6
              i32.const 0
              global.set 15
              global.get 14
              local.set 12
              global.get 15
              local.set 13
              global.get 19
              local.set 14
            end
            local.get 12
            i64.const 1
            i64.sub
            local.tee 12
            global.set 14
            local.get 12
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 134
              call 4
            end
            unreachable
          end
          local.get 12
          i64.const 1
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 135
            call 4
          end
          br 1 (;@2;)
        end
        local.get 12
        i64.const 5
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 136
          call 4
        end
        local.get 0
        local.set 5
        local.get 5
        global.get 142
        i32.sub
        local.tee 10
        global.get 144
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 143
        global.set 144
        local.get 10
        global.set 143
        local.get 5
        global.set 142
        local.get 5
        i32.load offset=8
        local.tee 2
        i32.eqz
        local.tee 6
        i32.const 0
        i32.ne
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 6
        if ;; label = @3
          local.get 12
          i64.const 5
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 137
            call 4
          end
          i32.const 0
          i32.const 1120
          i32.const 132
          i32.const 16
          call 0
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
          local.get 13
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 13
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 12
            global.get 15
            local.set 13
            global.get 19
            local.set 14
          end
          local.get 12
          i64.const 1
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 138
            call 4
          end
          unreachable
        end
        local.get 12
        i64.const 12
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 139
          call 4
        end
        local.get 1
        local.get 2
        local.set 6
        local.set 5
        local.get 5
        global.get 145
        i32.sub
        local.tee 10
        global.get 147
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 146
        global.set 147
        local.get 10
        global.set 146
        local.get 5
        global.set 145
        local.get 5
        local.get 6
        i32.store offset=8
        local.get 2
        local.get 1
        local.get 2
        local.set 5
        local.get 5
        global.get 148
        i32.sub
        local.tee 10
        global.get 150
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 149
        global.set 150
        local.get 10
        global.set 149
        local.get 5
        global.set 148
        local.get 5
        i32.load offset=4
        i32.const 3
        i32.and
        i32.or
        i32.store offset=4
      end
      local.get 12
      i64.const 8
      i64.sub
      local.tee 12
      global.set 14
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 140
        call 4
      end
      global.get 7
      local.set 2
      local.get 0
      local.set 5
      local.get 5
      global.get 151
      i32.sub
      local.tee 10
      global.get 153
      i32.eq
      local.tee 11
      local.get 14
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 14
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 14
          i32.store 1
        end
        local.get 13
        global.set 20
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
        i32.const 1
        local.tee 14
        global.set 19
      end
      local.get 14
      i32.const 1
      i32.shl
      i32.or
      local.tee 14
      global.set 19
      local.get 11
      i32.eqz
      if ;; label = @2
        local.get 13
        local.get 5
        i32.store 1
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
      end
      global.get 152
      global.set 153
      local.get 10
      global.set 152
      local.get 5
      global.set 151
      local.get 5
      i32.load offset=12
      local.tee 1
      i32.const 2
      i32.le_u
      local.tee 6
      i32.const 0
      i32.ne
      local.get 14
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 14
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 14
          i32.store 1
        end
        local.get 13
        global.set 20
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
        i32.const 1
        local.tee 14
        global.set 19
      end
      local.get 14
      i32.const 1
      i32.shl
      i32.or
      local.tee 14
      global.set 19
      local.get 6
      if (result i32) ;; label = @2
        local.get 12
        i64.const 2
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 141
          call 4
        end
        i32.const 1
      else
        local.get 12
        i64.const 5
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 142
          call 4
        end
        local.get 1
        i32.const 2032
        local.set 5
        local.get 5
        global.get 154
        i32.sub
        local.tee 10
        global.get 156
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 155
        global.set 156
        local.get 10
        global.set 155
        local.get 5
        global.set 154
        local.get 5
        i32.load
        i32.gt_u
        local.tee 6
        i32.const 0
        i32.ne
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 6
        if ;; label = @3
          local.get 12
          i64.const 5
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 143
            call 4
          end
          i32.const 1248
          i32.const 1312
          i32.const 21
          i32.const 28
          call 0
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
          local.get 13
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 13
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 12
            global.get 15
            local.set 13
            global.get 19
            local.set 14
          end
          local.get 12
          i64.const 1
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 144
            call 4
          end
          unreachable
        end
        local.get 12
        i64.const 9
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 145
          call 4
        end
        local.get 1
        i32.const 2
        i32.shl
        i32.const 2036
        i32.add
        local.set 5
        local.get 5
        global.get 157
        i32.sub
        local.tee 10
        global.get 159
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 158
        global.set 159
        local.get 10
        global.set 158
        local.get 5
        global.set 157
        local.get 5
        i32.load
        i32.const 32
        i32.and
      end
      local.get 12
      i64.const 28
      i64.sub
      local.tee 12
      global.set 14
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 146
        call 4
      end
      local.set 3
      local.get 2
      local.set 5
      local.get 5
      global.get 160
      i32.sub
      local.tee 10
      global.get 162
      i32.eq
      local.tee 11
      local.get 14
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 14
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 14
          i32.store 1
        end
        local.get 13
        global.set 20
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
        i32.const 1
        local.tee 14
        global.set 19
      end
      local.get 14
      i32.const 1
      i32.shl
      i32.or
      local.tee 14
      global.set 19
      local.get 11
      i32.eqz
      if ;; label = @2
        local.get 13
        local.get 5
        i32.store 1
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
      end
      global.get 161
      global.set 162
      local.get 10
      global.set 161
      local.get 5
      global.set 160
      local.get 5
      i32.load offset=8
      local.set 1
      local.get 0
      global.get 8
      i32.eqz
      i32.const 2
      local.get 3
      select
      local.get 2
      i32.or
      local.set 6
      local.set 5
      local.get 5
      global.get 163
      i32.sub
      local.tee 10
      global.get 165
      i32.eq
      local.tee 11
      local.get 14
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 14
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 14
          i32.store 1
        end
        local.get 13
        global.set 20
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
        i32.const 1
        local.tee 14
        global.set 19
      end
      local.get 14
      i32.const 1
      i32.shl
      i32.or
      local.tee 14
      global.set 19
      local.get 11
      i32.eqz
      if ;; label = @2
        local.get 13
        local.get 5
        i32.store 1
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
      end
      global.get 164
      global.set 165
      local.get 10
      global.set 164
      local.get 5
      global.set 163
      local.get 5
      local.get 6
      i32.store offset=4
      local.get 0
      local.get 1
      i32.store offset=8
      local.get 1
      local.get 0
      local.get 1
      local.set 5
      local.get 5
      global.get 166
      i32.sub
      local.tee 10
      global.get 168
      i32.eq
      local.tee 11
      local.get 14
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 14
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 14
          i32.store 1
        end
        local.get 13
        global.set 20
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
        i32.const 1
        local.tee 14
        global.set 19
      end
      local.get 14
      i32.const 1
      i32.shl
      i32.or
      local.tee 14
      global.set 19
      local.get 11
      i32.eqz
      if ;; label = @2
        local.get 13
        local.get 5
        i32.store 1
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
      end
      global.get 167
      global.set 168
      local.get 10
      global.set 167
      local.get 5
      global.set 166
      local.get 5
      i32.load offset=4
      i32.const 3
      i32.and
      i32.or
      i32.store offset=4
      local.get 2
      local.get 0
      i32.store offset=8
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;13;) (type 1) (param i32)
    (local i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 10
      call 5
    end
    global.get 14
    local.set 9
    global.get 15
    local.set 10
    global.get 19
    local.set 11
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 10
      i32.const 11
      i32.store 1
      local.get 10
      i32.const 4
      i32.add
      local.tee 10
      global.set 15
    end
    block ;; label = @1
      local.get 10
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 10
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 9
        global.get 15
        local.set 10
        global.get 19
        local.set 11
      end
      local.get 9
      i64.const 17
      i64.sub
      local.tee 9
      global.set 14
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 147
        call 4
      end
      block ;; label = @2
        block ;; label = @3
          block ;; label = @4
            block ;; label = @5
              block ;; label = @6
                block ;; label = @7
                  block ;; label = @8
                    block ;; label = @9
                      block ;; label = @10
                        block ;; label = @11
                          block ;; label = @12
                            block ;; label = @13
                              local.get 0
                              i32.const 8
                              i32.sub
                              local.set 2
                              local.get 2
                              global.get 169
                              i32.sub
                              local.tee 7
                              global.get 171
                              i32.eq
                              local.tee 8
                              local.get 11
                              i32.const 2
                              i32.lt_s
                              if ;; label = @14
                                local.get 11
                                i32.const 0
                                i32.lt_s
                                if ;; label = @15
                                  global.get 20
                                  local.get 11
                                  i32.store 1
                                end
                                local.get 10
                                global.set 20
                                local.get 10
                                i32.const 4
                                i32.add
                                local.tee 10
                                global.set 15
                                i32.const 1
                                local.tee 11
                                global.set 19
                              end
                              local.get 11
                              i32.const 1
                              i32.shl
                              i32.or
                              local.tee 11
                              global.set 19
                              local.get 8
                              i32.eqz
                              if ;; label = @14
                                local.get 10
                                local.get 2
                                i32.store 1
                                local.get 10
                                i32.const 4
                                i32.add
                                local.tee 10
                                global.set 15
                              end
                              global.get 170
                              global.set 171
                              local.get 7
                              global.set 170
                              local.get 2
                              global.set 169
                              local.get 2
                              i32.load
                              local.set 3
                              local.get 10
                              local.get 3
                              i32.store 1
                              local.get 10
                              i32.const 4
                              i32.add
                              local.tee 10
                              global.set 15
                              local.get 3
                              br_table 0 (;@13;) 1 (;@12;) 2 (;@11;) 3 (;@10;) 4 (;@9;) 5 (;@8;) 6 (;@7;) 7 (;@6;) 8 (;@5;) 9 (;@4;) 10 (;@3;) 11 (;@2;)
                            end
                            local.get 9
                            i64.const 1
                            i64.sub
                            local.tee 9
                            global.set 14
                            local.get 9
                            i64.const 0
                            i64.lt_s
                            if ;; label = @13
                              i32.const 148
                              call 4
                            end
                            global.get 16
                            i32.const 1
                            i32.sub
                            global.set 16
                            return
                          end
                          local.get 9
                          i64.const 1
                          i64.sub
                          local.tee 9
                          global.set 14
                          local.get 9
                          i64.const 0
                          i64.lt_s
                          if ;; label = @12
                            i32.const 149
                            call 4
                          end
                          global.get 16
                          i32.const 1
                          i32.sub
                          global.set 16
                          return
                        end
                        local.get 9
                        i64.const 1
                        i64.sub
                        local.tee 9
                        global.set 14
                        local.get 9
                        i64.const 0
                        i64.lt_s
                        if ;; label = @11
                          i32.const 150
                          call 4
                        end
                        global.get 16
                        i32.const 1
                        i32.sub
                        global.set 16
                        return
                      end
                      local.get 9
                      i64.const 3
                      i64.sub
                      local.tee 9
                      global.set 14
                      local.get 9
                      i64.const 0
                      i64.lt_s
                      if ;; label = @10
                        i32.const 151
                        call 4
                      end
                      local.get 0
                      local.set 2
                      local.get 2
                      global.get 172
                      i32.sub
                      local.tee 7
                      global.get 174
                      i32.eq
                      local.tee 8
                      local.get 11
                      i32.const 2
                      i32.lt_s
                      if ;; label = @10
                        local.get 11
                        i32.const 0
                        i32.lt_s
                        if ;; label = @11
                          global.get 20
                          local.get 11
                          i32.store 1
                        end
                        local.get 10
                        global.set 20
                        local.get 10
                        i32.const 4
                        i32.add
                        local.tee 10
                        global.set 15
                        i32.const 1
                        local.tee 11
                        global.set 19
                      end
                      local.get 11
                      i32.const 1
                      i32.shl
                      i32.or
                      local.tee 11
                      global.set 19
                      local.get 8
                      i32.eqz
                      if ;; label = @10
                        local.get 10
                        local.get 2
                        i32.store 1
                        local.get 10
                        i32.const 4
                        i32.add
                        local.tee 10
                        global.set 15
                      end
                      global.get 173
                      global.set 174
                      local.get 7
                      global.set 173
                      local.get 2
                      global.set 172
                      local.get 2
                      i32.load
                      call 7
                      global.get 14
                      local.set 9
                      global.get 15
                      local.set 10
                      global.get 19
                      local.set 11
                      local.get 10
                      i32.const 1048576
                      i32.gt_u
                      if ;; label = @10
                        local.get 10
                        call 6
                        i32.const 0
                        global.set 15
                        global.get 14
                        local.set 9
                        global.get 15
                        local.set 10
                        global.get 19
                        local.set 11
                      end
                      local.get 9
                      i64.const 1
                      i64.sub
                      local.tee 9
                      global.set 14
                      local.get 9
                      i64.const 0
                      i64.lt_s
                      if ;; label = @10
                        i32.const 152
                        call 4
                      end
                      global.get 16
                      i32.const 1
                      i32.sub
                      global.set 16
                      return
                    end
                    local.get 9
                    i64.const 1
                    i64.sub
                    local.tee 9
                    global.set 14
                    local.get 9
                    i64.const 0
                    i64.lt_s
                    if ;; label = @9
                      i32.const 153
                      call 4
                    end
                    global.get 16
                    i32.const 1
                    i32.sub
                    global.set 16
                    return
                  end
                  local.get 9
                  i64.const 1
                  i64.sub
                  local.tee 9
                  global.set 14
                  local.get 9
                  i64.const 0
                  i64.lt_s
                  if ;; label = @8
                    i32.const 154
                    call 4
                  end
                  global.get 16
                  i32.const 1
                  i32.sub
                  global.set 16
                  return
                end
                local.get 9
                i64.const 3
                i64.sub
                local.tee 9
                global.set 14
                local.get 9
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 155
                  call 4
                end
                local.get 0
                local.set 2
                local.get 2
                global.get 175
                i32.sub
                local.tee 7
                global.get 177
                i32.eq
                local.tee 8
                local.get 11
                i32.const 2
                i32.lt_s
                if ;; label = @7
                  local.get 11
                  i32.const 0
                  i32.lt_s
                  if ;; label = @8
                    global.get 20
                    local.get 11
                    i32.store 1
                  end
                  local.get 10
                  global.set 20
                  local.get 10
                  i32.const 4
                  i32.add
                  local.tee 10
                  global.set 15
                  i32.const 1
                  local.tee 11
                  global.set 19
                end
                local.get 11
                i32.const 1
                i32.shl
                i32.or
                local.tee 11
                global.set 19
                local.get 8
                i32.eqz
                if ;; label = @7
                  local.get 10
                  local.get 2
                  i32.store 1
                  local.get 10
                  i32.const 4
                  i32.add
                  local.tee 10
                  global.set 15
                end
                global.get 176
                global.set 177
                local.get 7
                global.set 176
                local.get 2
                global.set 175
                local.get 2
                i32.load
                call 7
                global.get 14
                local.set 9
                global.get 15
                local.set 10
                global.get 19
                local.set 11
                local.get 10
                i32.const 1048576
                i32.gt_u
                if ;; label = @7
                  local.get 10
                  call 6
                  i32.const 0
                  global.set 15
                  global.get 14
                  local.set 9
                  global.get 15
                  local.set 10
                  global.get 19
                  local.set 11
                end
                local.get 9
                i64.const 3
                i64.sub
                local.tee 9
                global.set 14
                local.get 9
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 156
                  call 4
                end
                local.get 0
                local.set 2
                local.get 2
                global.get 178
                i32.sub
                local.tee 7
                global.get 180
                i32.eq
                local.tee 8
                local.get 11
                i32.const 2
                i32.lt_s
                if ;; label = @7
                  local.get 11
                  i32.const 0
                  i32.lt_s
                  if ;; label = @8
                    global.get 20
                    local.get 11
                    i32.store 1
                  end
                  local.get 10
                  global.set 20
                  local.get 10
                  i32.const 4
                  i32.add
                  local.tee 10
                  global.set 15
                  i32.const 1
                  local.tee 11
                  global.set 19
                end
                local.get 11
                i32.const 1
                i32.shl
                i32.or
                local.tee 11
                global.set 19
                local.get 8
                i32.eqz
                if ;; label = @7
                  local.get 10
                  local.get 2
                  i32.store 1
                  local.get 10
                  i32.const 4
                  i32.add
                  local.tee 10
                  global.set 15
                end
                global.get 179
                global.set 180
                local.get 7
                global.set 179
                local.get 2
                global.set 178
                local.get 2
                i32.load offset=4
                call 7
                global.get 14
                local.set 9
                global.get 15
                local.set 10
                global.get 19
                local.set 11
                local.get 10
                i32.const 1048576
                i32.gt_u
                if ;; label = @7
                  local.get 10
                  call 6
                  i32.const 0
                  global.set 15
                  global.get 14
                  local.set 9
                  global.get 15
                  local.set 10
                  global.get 19
                  local.set 11
                end
                local.get 9
                i64.const 1
                i64.sub
                local.tee 9
                global.set 14
                local.get 9
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 157
                  call 4
                end
                global.get 16
                i32.const 1
                i32.sub
                global.set 16
                return
              end
              local.get 9
              i64.const 3
              i64.sub
              local.tee 9
              global.set 14
              local.get 9
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 158
                call 4
              end
              local.get 0
              local.set 2
              local.get 2
              global.get 181
              i32.sub
              local.tee 7
              global.get 183
              i32.eq
              local.tee 8
              local.get 11
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 11
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 11
                  i32.store 1
                end
                local.get 10
                global.set 20
                local.get 10
                i32.const 4
                i32.add
                local.tee 10
                global.set 15
                i32.const 1
                local.tee 11
                global.set 19
              end
              local.get 11
              i32.const 1
              i32.shl
              i32.or
              local.tee 11
              global.set 19
              local.get 8
              i32.eqz
              if ;; label = @6
                local.get 10
                local.get 2
                i32.store 1
                local.get 10
                i32.const 4
                i32.add
                local.tee 10
                global.set 15
              end
              global.get 182
              global.set 183
              local.get 7
              global.set 182
              local.get 2
              global.set 181
              local.get 2
              i32.load offset=20
              call 7
              global.get 14
              local.set 9
              global.get 15
              local.set 10
              global.get 19
              local.set 11
              local.get 10
              i32.const 1048576
              i32.gt_u
              if ;; label = @6
                local.get 10
                call 6
                i32.const 0
                global.set 15
                global.get 14
                local.set 9
                global.get 15
                local.set 10
                global.get 19
                local.set 11
              end
              local.get 9
              i64.const 1
              i64.sub
              local.tee 9
              global.set 14
              local.get 9
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 159
                call 4
              end
              global.get 16
              i32.const 1
              i32.sub
              global.set 16
              return
            end
            local.get 9
            i64.const 1
            i64.sub
            local.tee 9
            global.set 14
            local.get 9
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 160
              call 4
            end
            global.get 16
            i32.const 1
            i32.sub
            global.set 16
            return
          end
          local.get 9
          i64.const 1
          i64.sub
          local.tee 9
          global.set 14
          local.get 9
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 161
            call 4
          end
          global.get 16
          i32.const 1
          i32.sub
          global.set 16
          return
        end
        local.get 9
        i64.const 1
        i64.sub
        local.tee 9
        global.set 14
        local.get 9
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 162
          call 4
        end
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        return
      end
      local.get 9
      i64.const 1
      i64.sub
      local.tee 9
      global.set 14
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 163
        call 4
      end
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;14;) (type 5) (param i32) (result i32)
    (local i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 11
      call 5
    end
    global.get 14
    local.set 9
    global.get 15
    local.set 10
    global.get 19
    local.set 11
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 10
      i32.const 12
      i32.store 1
      local.get 10
      i32.const 4
      i32.add
      local.tee 10
      global.set 15
    end
    block (result i32) ;; label = @1
      local.get 10
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 10
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 9
        global.get 15
        local.set 10
        global.get 19
        local.set 11
      end
      local.get 9
      i64.const 8
      i64.sub
      local.tee 9
      global.set 14
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 164
        call 4
      end
      global.get 12
      i32.const 4
      i32.sub
      global.set 12
      global.get 12
      i32.const 2080
      i32.lt_s
      local.tee 3
      i32.const 0
      i32.ne
      local.get 11
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 11
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 11
          i32.store 1
        end
        local.get 10
        global.set 20
        local.get 10
        i32.const 4
        i32.add
        local.tee 10
        global.set 15
        i32.const 1
        local.tee 11
        global.set 19
      end
      local.get 11
      i32.const 1
      i32.shl
      i32.or
      local.tee 11
      global.set 19
      local.get 3
      if ;; label = @2
        local.get 9
        i64.const 5
        i64.sub
        local.tee 9
        global.set 14
        local.get 9
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 165
          call 4
        end
        i32.const 34880
        i32.const 34928
        i32.const 1
        i32.const 1
        call 0
        global.get 14
        local.set 9
        global.get 15
        local.set 10
        global.get 19
        local.set 11
        local.get 10
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 10
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 9
          global.get 15
          local.set 10
          global.get 19
          local.set 11
        end
        local.get 9
        i64.const 1
        i64.sub
        local.tee 9
        global.set 14
        local.get 9
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 166
          call 4
        end
        unreachable
      end
      local.get 9
      i64.const 6
      i64.sub
      local.tee 9
      global.set 14
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 167
        call 4
      end
      global.get 12
      i32.const 0
      local.set 3
      local.set 2
      local.get 2
      global.get 184
      i32.sub
      local.tee 7
      global.get 186
      i32.eq
      local.tee 8
      local.get 11
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 11
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 11
          i32.store 1
        end
        local.get 10
        global.set 20
        local.get 10
        i32.const 4
        i32.add
        local.tee 10
        global.set 15
        i32.const 1
        local.tee 11
        global.set 19
      end
      local.get 11
      i32.const 1
      i32.shl
      i32.or
      local.tee 11
      global.set 19
      local.get 8
      i32.eqz
      if ;; label = @2
        local.get 10
        local.get 2
        i32.store 1
        local.get 10
        i32.const 4
        i32.add
        local.tee 10
        global.set 15
      end
      global.get 185
      global.set 186
      local.get 7
      global.set 185
      local.get 2
      global.set 184
      local.get 2
      local.get 3
      i32.store
      local.get 0
      i32.eqz
      local.tee 3
      i32.const 0
      i32.ne
      local.get 11
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 11
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 11
          i32.store 1
        end
        local.get 10
        global.set 20
        local.get 10
        i32.const 4
        i32.add
        local.tee 10
        global.set 15
        i32.const 1
        local.tee 11
        global.set 19
      end
      local.get 11
      i32.const 1
      i32.shl
      i32.or
      local.tee 11
      global.set 19
      local.get 3
      if ;; label = @2
        local.get 9
        i64.const 4
        i64.sub
        local.tee 9
        global.set 14
        local.get 9
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 168
          call 4
        end
        global.get 12
        i32.const 0
        i32.const 0
        call 8
        global.get 14
        local.set 9
        global.get 15
        local.set 10
        global.get 19
        local.set 11
        local.get 10
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 10
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 9
          global.get 15
          local.set 10
          global.get 19
          local.set 11
        end
        local.get 9
        i64.const 3
        i64.sub
        local.tee 9
        global.set 14
        local.get 9
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 169
          call 4
        end
        local.tee 0
        local.set 3
        local.set 2
        local.get 2
        global.get 187
        i32.sub
        local.tee 7
        global.get 189
        i32.eq
        local.tee 8
        local.get 11
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 11
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 11
            i32.store 1
          end
          local.get 10
          global.set 20
          local.get 10
          i32.const 4
          i32.add
          local.tee 10
          global.set 15
          i32.const 1
          local.tee 11
          global.set 19
        end
        local.get 11
        i32.const 1
        i32.shl
        i32.or
        local.tee 11
        global.set 19
        local.get 8
        i32.eqz
        if ;; label = @3
          local.get 10
          local.get 2
          i32.store 1
          local.get 10
          i32.const 4
          i32.add
          local.tee 10
          global.set 15
        end
        global.get 188
        global.set 189
        local.get 7
        global.set 188
        local.get 2
        global.set 187
        local.get 2
        local.get 3
        i32.store
      end
      local.get 9
      i64.const 6
      i64.sub
      local.tee 9
      global.set 14
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 170
        call 4
      end
      global.get 12
      i32.const 4
      i32.add
      global.set 12
      local.get 0
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;15;) (type 3) (result i32)
    (local i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 12
      call 5
    end
    global.get 14
    local.set 9
    global.get 15
    local.set 10
    global.get 19
    local.set 11
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 10
      i32.const 13
      i32.store 1
      local.get 10
      i32.const 4
      i32.add
      local.tee 10
      global.set 15
    end
    block (result i32) ;; label = @1
      local.get 10
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 10
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 9
        global.get 15
        local.set 10
        global.get 19
        local.set 11
      end
      local.get 9
      i64.const 8
      i64.sub
      local.tee 9
      global.set 14
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 171
        call 4
      end
      global.get 12
      i32.const 4
      i32.sub
      global.set 12
      global.get 12
      i32.const 2080
      i32.lt_s
      local.tee 3
      i32.const 0
      i32.ne
      local.get 11
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 11
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 11
          i32.store 1
        end
        local.get 10
        global.set 20
        local.get 10
        i32.const 4
        i32.add
        local.tee 10
        global.set 15
        i32.const 1
        local.tee 11
        global.set 19
      end
      local.get 11
      i32.const 1
      i32.shl
      i32.or
      local.tee 11
      global.set 19
      local.get 3
      if ;; label = @2
        local.get 9
        i64.const 5
        i64.sub
        local.tee 9
        global.set 14
        local.get 9
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 172
          call 4
        end
        i32.const 34880
        i32.const 34928
        i32.const 1
        i32.const 1
        call 0
        global.get 14
        local.set 9
        global.get 15
        local.set 10
        global.get 19
        local.set 11
        local.get 10
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 10
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 9
          global.get 15
          local.set 10
          global.get 19
          local.set 11
        end
        local.get 9
        i64.const 1
        i64.sub
        local.tee 9
        global.set 14
        local.get 9
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 173
          call 4
        end
        unreachable
      end
      local.get 9
      i64.const 10
      i64.sub
      local.tee 9
      global.set 14
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 174
        call 4
      end
      global.get 12
      i32.const 0
      local.set 3
      local.set 2
      local.get 2
      global.get 190
      i32.sub
      local.tee 7
      global.get 192
      i32.eq
      local.tee 8
      local.get 11
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 11
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 11
          i32.store 1
        end
        local.get 10
        global.set 20
        local.get 10
        i32.const 4
        i32.add
        local.tee 10
        global.set 15
        i32.const 1
        local.tee 11
        global.set 19
      end
      local.get 11
      i32.const 1
      i32.shl
      i32.or
      local.tee 11
      global.set 19
      local.get 8
      i32.eqz
      if ;; label = @2
        local.get 10
        local.get 2
        i32.store 1
        local.get 10
        i32.const 4
        i32.add
        local.tee 10
        global.set 15
      end
      global.get 191
      global.set 192
      local.get 7
      global.set 191
      local.get 2
      global.set 190
      local.get 2
      local.get 3
      i32.store
      global.get 12
      global.get 0
      local.tee 0
      i32.store
      local.get 0
      i32.eqz
      local.tee 3
      i32.const 0
      i32.ne
      local.get 11
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 11
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 11
          i32.store 1
        end
        local.get 10
        global.set 20
        local.get 10
        i32.const 4
        i32.add
        local.tee 10
        global.set 15
        i32.const 1
        local.tee 11
        global.set 19
      end
      local.get 11
      i32.const 1
      i32.shl
      i32.or
      local.tee 11
      global.set 19
      local.get 3
      if ;; label = @2
        local.get 9
        i64.const 5
        i64.sub
        local.tee 9
        global.set 14
        local.get 9
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 175
          call 4
        end
        i32.const 1920
        i32.const 0
        i32.const 0
        i32.const 0
        call 0
        global.get 14
        local.set 9
        global.get 15
        local.set 10
        global.get 19
        local.set 11
        local.get 10
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 10
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 9
          global.get 15
          local.set 10
          global.get 19
          local.set 11
        end
        local.get 9
        i64.const 1
        i64.sub
        local.tee 9
        global.set 14
        local.get 9
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 176
          call 4
        end
      end
      local.get 9
      i64.const 6
      i64.sub
      local.tee 9
      global.set 14
      local.get 9
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 177
        call 4
      end
      global.get 12
      i32.const 4
      i32.add
      global.set 12
      local.get 0
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;16;) (type 2) (param i32 i32) (result i32)
    (local i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 13
      call 5
    end
    global.get 14
    local.set 11
    global.get 15
    local.set 12
    global.get 19
    local.set 13
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 12
      i32.const 14
      i32.store 1
      local.get 12
      i32.const 4
      i32.add
      local.tee 12
      global.set 15
    end
    block (result i32) ;; label = @1
      local.get 12
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 12
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 11
        global.get 15
        local.set 12
        global.get 19
        local.set 13
      end
      local.get 11
      i64.const 4
      i64.sub
      local.tee 11
      global.set 14
      local.get 11
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 178
        call 4
      end
      local.get 1
      i32.const 256
      i32.lt_u
      local.tee 5
      i32.const 0
      i32.ne
      local.get 13
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 13
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 13
          i32.store 1
        end
        local.get 12
        global.set 20
        local.get 12
        i32.const 4
        i32.add
        local.tee 12
        global.set 15
        i32.const 1
        local.tee 13
        global.set 19
      end
      local.get 13
      i32.const 1
      i32.shl
      i32.or
      local.tee 13
      global.set 19
      local.get 5
      if ;; label = @2
        local.get 11
        i64.const 5
        i64.sub
        local.tee 11
        global.set 14
        local.get 11
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 179
          call 4
        end
        local.get 1
        i32.const 4
        i32.shr_u
        local.set 1
      else
        local.get 11
        i64.const 4
        i64.sub
        local.tee 11
        global.set 14
        local.get 11
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 180
          call 4
        end
        local.get 1
        i32.const 536870910
        i32.lt_u
        local.tee 5
        i32.const 0
        i32.ne
        local.get 13
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 13
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 13
            i32.store 1
          end
          local.get 12
          global.set 20
          local.get 12
          i32.const 4
          i32.add
          local.tee 12
          global.set 15
          i32.const 1
          local.tee 13
          global.set 19
        end
        local.get 13
        i32.const 1
        i32.shl
        i32.or
        local.tee 13
        global.set 19
        local.get 5
        if ;; label = @3
          local.get 11
          i64.const 12
          i64.sub
          local.tee 11
          global.set 14
          local.get 11
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 181
            call 4
          end
          local.get 1
          i32.const 1
          i32.const 27
          local.get 1
          i32.clz
          i32.sub
          i32.shl
          i32.add
          i32.const 1
          i32.sub
          local.set 1
        end
        local.get 11
        i64.const 17
        i64.sub
        local.tee 11
        global.set 14
        local.get 11
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 182
          call 4
        end
        local.get 1
        i32.const 31
        local.get 1
        i32.clz
        i32.sub
        local.tee 2
        i32.const 4
        i32.sub
        i32.shr_u
        i32.const 16
        i32.xor
        local.set 1
        local.get 2
        i32.const 7
        i32.sub
        local.set 2
      end
      local.get 11
      i64.const 9
      i64.sub
      local.tee 11
      global.set 14
      local.get 11
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 183
        call 4
      end
      local.get 1
      i32.const 16
      i32.lt_u
      local.get 2
      i32.const 23
      i32.lt_u
      i32.and
      i32.eqz
      local.tee 5
      i32.const 0
      i32.ne
      local.get 13
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 13
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 13
          i32.store 1
        end
        local.get 12
        global.set 20
        local.get 12
        i32.const 4
        i32.add
        local.tee 12
        global.set 15
        i32.const 1
        local.tee 13
        global.set 19
      end
      local.get 13
      i32.const 1
      i32.shl
      i32.or
      local.tee 13
      global.set 19
      local.get 5
      if ;; label = @2
        local.get 11
        i64.const 5
        i64.sub
        local.tee 11
        global.set 14
        local.get 11
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 184
          call 4
        end
        i32.const 0
        i32.const 1392
        i32.const 334
        i32.const 14
        call 0
        global.get 14
        local.set 11
        global.get 15
        local.set 12
        global.get 19
        local.set 13
        local.get 12
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 12
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 11
          global.get 15
          local.set 12
          global.get 19
          local.set 13
        end
        local.get 11
        i64.const 1
        i64.sub
        local.tee 11
        global.set 14
        local.get 11
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 185
          call 4
        end
        unreachable
      end
      local.get 11
      i64.const 12
      i64.sub
      local.tee 11
      global.set 14
      local.get 11
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 186
        call 4
      end
      local.get 0
      local.get 2
      i32.const 2
      i32.shl
      i32.add
      local.set 4
      local.get 4
      global.get 193
      i32.sub
      local.tee 9
      global.get 195
      i32.eq
      local.tee 10
      local.get 13
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 13
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 13
          i32.store 1
        end
        local.get 12
        global.set 20
        local.get 12
        i32.const 4
        i32.add
        local.tee 12
        global.set 15
        i32.const 1
        local.tee 13
        global.set 19
      end
      local.get 13
      i32.const 1
      i32.shl
      i32.or
      local.tee 13
      global.set 19
      local.get 10
      i32.eqz
      if ;; label = @2
        local.get 12
        local.get 4
        i32.store 1
        local.get 12
        i32.const 4
        i32.add
        local.tee 12
        global.set 15
      end
      global.get 194
      global.set 195
      local.get 9
      global.set 194
      local.get 4
      global.set 193
      local.get 4
      i32.load offset=4
      i32.const -1
      local.get 1
      i32.shl
      i32.and
      local.tee 1
      local.tee 5
      i32.const 0
      i32.ne
      local.get 13
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 13
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 13
          i32.store 1
        end
        local.get 12
        global.set 20
        local.get 12
        i32.const 4
        i32.add
        local.tee 12
        global.set 15
        i32.const 1
        local.tee 13
        global.set 19
      end
      local.get 13
      i32.const 1
      i32.shl
      i32.or
      local.tee 13
      global.set 19
      local.get 5
      if (result i32) ;; label = @2
        local.get 11
        i64.const 12
        i64.sub
        local.tee 11
        global.set 14
        local.get 11
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 187
          call 4
        end
        local.get 0
        local.get 1
        i32.ctz
        local.get 2
        i32.const 4
        i32.shl
        i32.add
        i32.const 2
        i32.shl
        i32.add
        local.set 4
        local.get 4
        global.get 196
        i32.sub
        local.tee 9
        global.get 198
        i32.eq
        local.tee 10
        local.get 13
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 13
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 13
            i32.store 1
          end
          local.get 12
          global.set 20
          local.get 12
          i32.const 4
          i32.add
          local.tee 12
          global.set 15
          i32.const 1
          local.tee 13
          global.set 19
        end
        local.get 13
        i32.const 1
        i32.shl
        i32.or
        local.tee 13
        global.set 19
        local.get 10
        i32.eqz
        if ;; label = @3
          local.get 12
          local.get 4
          i32.store 1
          local.get 12
          i32.const 4
          i32.add
          local.tee 12
          global.set 15
        end
        global.get 197
        global.set 198
        local.get 9
        global.set 197
        local.get 4
        global.set 196
        local.get 4
        i32.load offset=96
      else
        local.get 11
        i64.const 10
        i64.sub
        local.tee 11
        global.set 14
        local.get 11
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 188
          call 4
        end
        local.get 0
        local.set 4
        local.get 4
        global.get 199
        i32.sub
        local.tee 9
        global.get 201
        i32.eq
        local.tee 10
        local.get 13
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 13
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 13
            i32.store 1
          end
          local.get 12
          global.set 20
          local.get 12
          i32.const 4
          i32.add
          local.tee 12
          global.set 15
          i32.const 1
          local.tee 13
          global.set 19
        end
        local.get 13
        i32.const 1
        i32.shl
        i32.or
        local.tee 13
        global.set 19
        local.get 10
        i32.eqz
        if ;; label = @3
          local.get 12
          local.get 4
          i32.store 1
          local.get 12
          i32.const 4
          i32.add
          local.tee 12
          global.set 15
        end
        global.get 200
        global.set 201
        local.get 9
        global.set 200
        local.get 4
        global.set 199
        local.get 4
        i32.load
        i32.const -1
        local.get 2
        i32.const 1
        i32.add
        i32.shl
        i32.and
        local.tee 1
        local.tee 5
        i32.const 0
        i32.ne
        local.get 13
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 13
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 13
            i32.store 1
          end
          local.get 12
          global.set 20
          local.get 12
          i32.const 4
          i32.add
          local.tee 12
          global.set 15
          i32.const 1
          local.tee 13
          global.set 19
        end
        local.get 13
        i32.const 1
        i32.shl
        i32.or
        local.tee 13
        global.set 19
        local.get 5
        if (result i32) ;; label = @3
          local.get 11
          i64.const 11
          i64.sub
          local.tee 11
          global.set 14
          local.get 11
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 189
            call 4
          end
          local.get 0
          local.get 1
          i32.ctz
          local.tee 1
          i32.const 2
          i32.shl
          i32.add
          local.set 4
          local.get 4
          global.get 202
          i32.sub
          local.tee 9
          global.get 204
          i32.eq
          local.tee 10
          local.get 13
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 13
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 13
              i32.store 1
            end
            local.get 12
            global.set 20
            local.get 12
            i32.const 4
            i32.add
            local.tee 12
            global.set 15
            i32.const 1
            local.tee 13
            global.set 19
          end
          local.get 13
          i32.const 1
          i32.shl
          i32.or
          local.tee 13
          global.set 19
          local.get 10
          i32.eqz
          if ;; label = @4
            local.get 12
            local.get 4
            i32.store 1
            local.get 12
            i32.const 4
            i32.add
            local.tee 12
            global.set 15
          end
          global.get 203
          global.set 204
          local.get 9
          global.set 203
          local.get 4
          global.set 202
          local.get 4
          i32.load offset=4
          local.tee 2
          i32.eqz
          local.tee 5
          i32.const 0
          i32.ne
          local.get 13
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 13
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 13
              i32.store 1
            end
            local.get 12
            global.set 20
            local.get 12
            i32.const 4
            i32.add
            local.tee 12
            global.set 15
            i32.const 1
            local.tee 13
            global.set 19
          end
          local.get 13
          i32.const 1
          i32.shl
          i32.or
          local.tee 13
          global.set 19
          local.get 5
          if ;; label = @4
            local.get 11
            i64.const 5
            i64.sub
            local.tee 11
            global.set 14
            local.get 11
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 190
              call 4
            end
            i32.const 0
            i32.const 1392
            i32.const 347
            i32.const 18
            call 0
            global.get 14
            local.set 11
            global.get 15
            local.set 12
            global.get 19
            local.set 13
            local.get 12
            i32.const 1048576
            i32.gt_u
            if ;; label = @5
              local.get 12
              call 6
              i32.const 0
              global.set 15
              global.get 14
              local.set 11
              global.get 15
              local.set 12
              global.get 19
              local.set 13
            end
            local.get 11
            i64.const 1
            i64.sub
            local.tee 11
            global.set 14
            local.get 11
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 191
              call 4
            end
            unreachable
          end
          local.get 11
          i64.const 12
          i64.sub
          local.tee 11
          global.set 14
          local.get 11
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 192
            call 4
          end
          local.get 0
          local.get 2
          i32.ctz
          local.get 1
          i32.const 4
          i32.shl
          i32.add
          i32.const 2
          i32.shl
          i32.add
          local.set 4
          local.get 4
          global.get 205
          i32.sub
          local.tee 9
          global.get 207
          i32.eq
          local.tee 10
          local.get 13
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 13
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 13
              i32.store 1
            end
            local.get 12
            global.set 20
            local.get 12
            i32.const 4
            i32.add
            local.tee 12
            global.set 15
            i32.const 1
            local.tee 13
            global.set 19
          end
          local.get 13
          i32.const 1
          i32.shl
          i32.or
          local.tee 13
          global.set 19
          local.get 10
          i32.eqz
          if ;; label = @4
            local.get 12
            local.get 4
            i32.store 1
            local.get 12
            i32.const 4
            i32.add
            local.tee 12
            global.set 15
          end
          global.get 206
          global.set 207
          local.get 9
          global.set 206
          local.get 4
          global.set 205
          local.get 4
          i32.load offset=96
        else
          local.get 11
          i64.const 2
          i64.sub
          local.tee 11
          global.set 14
          local.get 11
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 193
            call 4
          end
          i32.const 0
        end
        local.get 11
        i64.const 1
        i64.sub
        local.tee 11
        global.set 14
        local.get 11
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 194
          call 4
        end
      end
      local.get 11
      i64.const 1
      i64.sub
      local.tee 11
      global.set 14
      local.get 11
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 195
        call 4
      end
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;17;) (type 4)
    (local i32 i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 14
      call 5
    end
    global.get 14
    local.set 10
    global.get 15
    local.set 11
    global.get 19
    local.set 12
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 11
      i32.const 15
      i32.store 1
      local.get 11
      i32.const 4
      i32.add
      local.tee 11
      global.set 15
    end
    block ;; label = @1
      local.get 11
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 11
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
      end
      local.get 10
      i64.const 5
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 196
        call 4
      end
      memory.size
      local.tee 1
      i32.const 0
      i32.le_s
      local.tee 4
      i32.const 0
      i32.ne
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 4
      if (result i32) ;; label = @2
        local.get 10
        i64.const 7
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 197
          call 4
        end
        i32.const 1
        local.get 1
        i32.sub
        local.tee 3
        memory.grow
        local.tee 4
        i32.const -1
        i32.ne
        if ;; label = @3
          local.get 3
          i64.extend_i32_u
          i64.const 13
          i64.shl
          local.tee 5
          global.get 14
          i64.gt_s
          if ;; label = @4
            i32.const -4
            call 4
          end
          global.get 14
          local.get 5
          i64.sub
          global.set 14
          global.get 17
          local.get 5
          i64.add
          global.set 17
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 4
        i32.const 0
        i32.lt_s
      else
        local.get 10
        i64.const 2
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 198
          call 4
        end
        i32.const 0
      end
      local.get 10
      i64.const 1
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 199
        call 4
      end
      local.tee 4
      i32.const 0
      i32.ne
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 4
      if ;; label = @2
        local.get 10
        i64.const 1
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 200
          call 4
        end
        unreachable
      end
      local.get 10
      i64.const 7
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 201
        call 4
      end
      i32.const 34848
      i32.const 0
      local.set 4
      local.set 3
      local.get 3
      global.get 208
      i32.sub
      local.tee 8
      global.get 210
      i32.eq
      local.tee 9
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 9
      i32.eqz
      if ;; label = @2
        local.get 11
        local.get 3
        i32.store 1
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
      end
      global.get 209
      global.set 210
      local.get 8
      global.set 209
      local.get 3
      global.set 208
      local.get 3
      local.get 4
      i32.store
      i32.const 36416
      i32.const 0
      local.set 4
      local.set 3
      local.get 3
      global.get 211
      i32.sub
      local.tee 8
      global.get 213
      i32.eq
      local.tee 9
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 9
      i32.eqz
      if ;; label = @2
        local.get 11
        local.get 3
        i32.store 1
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
      end
      global.get 212
      global.set 213
      local.get 8
      global.set 212
      local.get 3
      global.set 211
      local.get 3
      local.get 4
      i32.store
      loop ;; label = @2
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 4
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 202
          call 4
        end
        local.get 0
        i32.const 23
        i32.lt_u
        local.tee 4
        i32.const 0
        i32.ne
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 4
        if ;; label = @3
          local.get 10
          i64.const 10
          i64.sub
          local.tee 10
          global.set 14
          local.get 10
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 203
            call 4
          end
          local.get 0
          i32.const 2
          i32.shl
          i32.const 34848
          i32.add
          i32.const 0
          local.set 4
          local.set 3
          local.get 3
          global.get 214
          i32.sub
          local.tee 8
          global.get 216
          i32.eq
          local.tee 9
          local.get 12
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 12
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 12
              i32.store 1
            end
            local.get 11
            global.set 20
            local.get 11
            i32.const 4
            i32.add
            local.tee 11
            global.set 15
            i32.const 1
            local.tee 12
            global.set 19
          end
          local.get 12
          i32.const 1
          i32.shl
          i32.or
          local.tee 12
          global.set 19
          local.get 9
          i32.eqz
          if ;; label = @4
            local.get 11
            local.get 3
            i32.store 1
            local.get 11
            i32.const 4
            i32.add
            local.tee 11
            global.set 15
          end
          global.get 215
          global.set 216
          local.get 8
          global.set 215
          local.get 3
          global.set 214
          local.get 3
          local.get 4
          i32.store offset=4
          i32.const 0
          local.set 1
          loop ;; label = @4
            local.get 11
            i32.const 1048576
            i32.gt_u
            if ;; label = @5
              local.get 11
              call 6
              i32.const 0
              global.set 15
              global.get 14
              local.set 10
              global.get 15
              local.set 11
              global.get 19
              local.set 12
            end
            local.get 10
            i64.const 4
            i64.sub
            local.tee 10
            global.set 14
            local.get 10
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 204
              call 4
            end
            local.get 1
            i32.const 16
            i32.lt_u
            local.tee 4
            i32.const 0
            i32.ne
            local.get 12
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 12
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 12
                i32.store 1
              end
              local.get 11
              global.set 20
              local.get 11
              i32.const 4
              i32.add
              local.tee 11
              global.set 15
              i32.const 1
              local.tee 12
              global.set 19
            end
            local.get 12
            i32.const 1
            i32.shl
            i32.or
            local.tee 12
            global.set 19
            local.get 4
            if ;; label = @5
              local.get 10
              i64.const 16
              i64.sub
              local.tee 10
              global.set 14
              local.get 10
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 205
                call 4
              end
              local.get 0
              i32.const 4
              i32.shl
              local.get 1
              i32.add
              i32.const 2
              i32.shl
              i32.const 34848
              i32.add
              i32.const 0
              local.set 4
              local.set 3
              local.get 3
              global.get 217
              i32.sub
              local.tee 8
              global.get 219
              i32.eq
              local.tee 9
              local.get 12
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 12
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 12
                  i32.store 1
                end
                local.get 11
                global.set 20
                local.get 11
                i32.const 4
                i32.add
                local.tee 11
                global.set 15
                i32.const 1
                local.tee 12
                global.set 19
              end
              local.get 12
              i32.const 1
              i32.shl
              i32.or
              local.tee 12
              global.set 19
              local.get 9
              i32.eqz
              if ;; label = @6
                local.get 11
                local.get 3
                i32.store 1
                local.get 11
                i32.const 4
                i32.add
                local.tee 11
                global.set 15
              end
              global.get 218
              global.set 219
              local.get 8
              global.set 218
              local.get 3
              global.set 217
              local.get 3
              local.get 4
              i32.store offset=96
              local.get 1
              i32.const 1
              i32.add
              local.set 1
              br 1 (;@4;)
            end
            local.get 10
            i64.const 1
            i64.sub
            local.tee 10
            global.set 14
            local.get 10
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 206
              call 4
            end
          end
          local.get 10
          i64.const 5
          i64.sub
          local.tee 10
          global.set 14
          local.get 10
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 207
            call 4
          end
          local.get 0
          i32.const 1
          i32.add
          local.set 0
          br 1 (;@2;)
        end
        local.get 10
        i64.const 1
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 208
          call 4
        end
      end
      local.get 10
      i64.const 7
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 209
        call 4
      end
      i32.const 34848
      i32.const 36420
      memory.size
      i64.extend_i32_s
      i64.const 16
      i64.shl
      call 18
      global.get 14
      local.set 10
      global.get 15
      local.set 11
      global.get 19
      local.set 12
      local.get 11
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 11
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
      end
      local.get 10
      i64.const 3
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 210
        call 4
      end
      i32.const 34848
      global.set 10
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;18;) (type 8) (param i32 i32 i64)
    (local i32 i32 i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 15
      call 5
    end
    global.get 14
    local.set 14
    global.get 15
    local.set 15
    global.get 19
    local.set 16
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 15
      i32.const 16
      i32.store 1
      local.get 15
      i32.const 4
      i32.add
      local.tee 15
      global.set 15
    end
    block ;; label = @1
      local.get 15
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 15
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 14
        global.get 15
        local.set 15
        global.get 19
        local.set 16
      end
      local.get 14
      i64.const 5
      i64.sub
      local.tee 14
      global.set 14
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 211
        call 4
      end
      local.get 2
      local.get 1
      i64.extend_i32_u
      i64.lt_u
      local.tee 8
      i32.const 0
      i32.ne
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 8
      if ;; label = @2
        local.get 14
        i64.const 5
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 212
          call 4
        end
        i32.const 0
        i32.const 1392
        i32.const 382
        i32.const 14
        call 0
        global.get 14
        local.set 14
        global.get 15
        local.set 15
        global.get 19
        local.set 16
        local.get 15
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 15
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 14
          global.get 15
          local.set 15
          global.get 19
          local.set 16
        end
        local.get 14
        i64.const 1
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 213
          call 4
        end
        unreachable
      end
      local.get 14
      i64.const 12
      i64.sub
      local.tee 14
      global.set 14
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 214
        call 4
      end
      local.get 1
      i32.const 19
      i32.add
      i32.const -16
      i32.and
      i32.const 4
      i32.sub
      local.set 1
      local.get 0
      local.set 7
      local.get 7
      global.get 220
      i32.sub
      local.tee 12
      global.get 222
      i32.eq
      local.tee 13
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 13
      i32.eqz
      if ;; label = @2
        local.get 15
        local.get 7
        i32.store 1
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
      end
      global.get 221
      global.set 222
      local.get 12
      global.set 221
      local.get 7
      global.set 220
      local.get 7
      i32.load offset=1568
      local.tee 3
      local.tee 8
      i32.const 0
      i32.ne
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 8
      if ;; label = @2
        local.get 14
        i64.const 6
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 215
          call 4
        end
        local.get 3
        i32.const 4
        i32.add
        local.get 1
        i32.gt_u
        local.tee 8
        i32.const 0
        i32.ne
        local.get 16
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 16
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 16
            i32.store 1
          end
          local.get 15
          global.set 20
          local.get 15
          i32.const 4
          i32.add
          local.tee 15
          global.set 15
          i32.const 1
          local.tee 16
          global.set 19
        end
        local.get 16
        i32.const 1
        i32.shl
        i32.or
        local.tee 16
        global.set 19
        local.get 8
        if ;; label = @3
          local.get 14
          i64.const 5
          i64.sub
          local.tee 14
          global.set 14
          local.get 14
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 216
            call 4
          end
          i32.const 0
          i32.const 1392
          i32.const 389
          i32.const 16
          call 0
          global.get 14
          local.set 14
          global.get 15
          local.set 15
          global.get 19
          local.set 16
          local.get 15
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 15
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 14
            global.get 15
            local.set 15
            global.get 19
            local.set 16
          end
          local.get 14
          i64.const 1
          i64.sub
          local.tee 14
          global.set 14
          local.get 14
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 217
            call 4
          end
          unreachable
        end
        local.get 14
        i64.const 7
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 218
          call 4
        end
        local.get 3
        local.get 1
        i32.const 16
        i32.sub
        local.tee 5
        i32.eq
        local.tee 8
        i32.const 0
        i32.ne
        local.get 16
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 16
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 16
            i32.store 1
          end
          local.get 15
          global.set 20
          local.get 15
          i32.const 4
          i32.add
          local.tee 15
          global.set 15
          i32.const 1
          local.tee 16
          global.set 19
        end
        local.get 16
        i32.const 1
        i32.shl
        i32.or
        local.tee 16
        global.set 19
        local.get 8
        if ;; label = @3
          local.get 14
          i64.const 6
          i64.sub
          local.tee 14
          global.set 14
          local.get 14
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 219
            call 4
          end
          local.get 3
          local.set 7
          local.get 7
          global.get 223
          i32.sub
          local.tee 12
          global.get 225
          i32.eq
          local.tee 13
          local.get 16
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 16
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 16
              i32.store 1
            end
            local.get 15
            global.set 20
            local.get 15
            i32.const 4
            i32.add
            local.tee 15
            global.set 15
            i32.const 1
            local.tee 16
            global.set 19
          end
          local.get 16
          i32.const 1
          i32.shl
          i32.or
          local.tee 16
          global.set 19
          local.get 13
          i32.eqz
          if ;; label = @4
            local.get 15
            local.get 7
            i32.store 1
            local.get 15
            i32.const 4
            i32.add
            local.tee 15
            global.set 15
          end
          global.get 224
          global.set 225
          local.get 12
          global.set 224
          local.get 7
          global.set 223
          local.get 7
          i32.load
          local.set 4
          local.get 5
          local.set 1
        end
        local.get 14
        i64.const 1
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 220
          call 4
        end
      else
        local.get 14
        i64.const 6
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 221
          call 4
        end
        local.get 0
        i32.const 1572
        i32.add
        local.get 1
        i32.gt_u
        local.tee 8
        i32.const 0
        i32.ne
        local.get 16
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 16
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 16
            i32.store 1
          end
          local.get 15
          global.set 20
          local.get 15
          i32.const 4
          i32.add
          local.tee 15
          global.set 15
          i32.const 1
          local.tee 16
          global.set 19
        end
        local.get 16
        i32.const 1
        i32.shl
        i32.or
        local.tee 16
        global.set 19
        local.get 8
        if ;; label = @3
          local.get 14
          i64.const 5
          i64.sub
          local.tee 14
          global.set 14
          local.get 14
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 222
            call 4
          end
          i32.const 0
          i32.const 1392
          i32.const 402
          i32.const 5
          call 0
          global.get 14
          local.set 14
          global.get 15
          local.set 15
          global.get 19
          local.set 16
          local.get 15
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 15
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 14
            global.get 15
            local.set 15
            global.get 19
            local.set 16
          end
          local.get 14
          i64.const 1
          i64.sub
          local.tee 14
          global.set 14
          local.get 14
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 223
            call 4
          end
          unreachable
        end
        local.get 14
        i64.const 1
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 224
          call 4
        end
      end
      local.get 14
      i64.const 10
      i64.sub
      local.tee 14
      global.set 14
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 225
        call 4
      end
      local.get 2
      i32.wrap_i64
      i32.const -16
      i32.and
      local.get 1
      i32.sub
      local.tee 3
      i32.const 20
      i32.lt_u
      local.tee 8
      i32.const 0
      i32.ne
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 8
      if ;; label = @2
        local.get 14
        i64.const 1
        i64.sub
        local.tee 14
        global.set 14
        local.get 14
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 226
          call 4
        end
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        return
      end
      local.get 14
      i64.const 32
      i64.sub
      local.tee 14
      global.set 14
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 227
        call 4
      end
      local.get 1
      local.get 4
      i32.const 2
      i32.and
      local.get 3
      i32.const 8
      i32.sub
      local.tee 3
      i32.const 1
      i32.or
      i32.or
      local.set 8
      local.set 7
      local.get 7
      global.get 226
      i32.sub
      local.tee 12
      global.get 228
      i32.eq
      local.tee 13
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 13
      i32.eqz
      if ;; label = @2
        local.get 15
        local.get 7
        i32.store 1
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
      end
      global.get 227
      global.set 228
      local.get 12
      global.set 227
      local.get 7
      global.set 226
      local.get 7
      local.get 8
      i32.store
      local.get 1
      i32.const 0
      i32.store offset=4
      local.get 1
      i32.const 0
      i32.store offset=8
      local.get 1
      i32.const 4
      i32.add
      local.get 3
      i32.add
      local.tee 3
      i32.const 2
      local.set 8
      local.set 7
      local.get 7
      global.get 229
      i32.sub
      local.tee 12
      global.get 231
      i32.eq
      local.tee 13
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 13
      i32.eqz
      if ;; label = @2
        local.get 15
        local.get 7
        i32.store 1
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
      end
      global.get 230
      global.set 231
      local.get 12
      global.set 230
      local.get 7
      global.set 229
      local.get 7
      local.get 8
      i32.store
      local.get 0
      local.get 3
      local.set 8
      local.set 7
      local.get 7
      global.get 232
      i32.sub
      local.tee 12
      global.get 234
      i32.eq
      local.tee 13
      local.get 16
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 16
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 16
          i32.store 1
        end
        local.get 15
        global.set 20
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
        i32.const 1
        local.tee 16
        global.set 19
      end
      local.get 16
      i32.const 1
      i32.shl
      i32.or
      local.tee 16
      global.set 19
      local.get 13
      i32.eqz
      if ;; label = @2
        local.get 15
        local.get 7
        i32.store 1
        local.get 15
        i32.const 4
        i32.add
        local.tee 15
        global.set 15
      end
      global.get 233
      global.set 234
      local.get 12
      global.set 233
      local.get 7
      global.set 232
      local.get 7
      local.get 8
      i32.store offset=1568
      local.get 0
      local.get 1
      call 11
      global.get 14
      local.set 14
      global.get 15
      local.set 15
      global.get 19
      local.set 16
      local.get 15
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 15
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 14
        global.get 15
        local.set 15
        global.get 19
        local.set 16
      end
      local.get 14
      i64.const 1
      i64.sub
      local.tee 14
      global.set 14
      local.get 14
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 228
        call 4
      end
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;19;) (type 4)
    (local i32 i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 16
      call 5
    end
    global.get 14
    local.set 10
    global.get 15
    local.set 11
    global.get 19
    local.set 12
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 11
      i32.const 17
      i32.store 1
      local.get 11
      i32.const 4
      i32.add
      local.tee 11
      global.set 15
    end
    block ;; label = @1
      local.get 11
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 11
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
      end
      local.get 10
      i64.const 2
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 229
        call 4
      end
      i32.const 1248
      call 7
      global.get 14
      local.set 10
      global.get 15
      local.set 11
      global.get 19
      local.set 12
      local.get 11
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 11
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
      end
      local.get 10
      i64.const 2
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 230
        call 4
      end
      i32.const 1648
      call 7
      global.get 14
      local.set 10
      global.get 15
      local.set 11
      global.get 19
      local.set 12
      local.get 11
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 11
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
      end
      local.get 10
      i64.const 2
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 231
        call 4
      end
      i32.const 1056
      call 7
      global.get 14
      local.set 10
      global.get 15
      local.set 11
      global.get 19
      local.set 12
      local.get 11
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 11
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
      end
      local.get 10
      i64.const 3
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 232
        call 4
      end
      global.get 11
      local.tee 0
      local.tee 4
      i32.const 0
      i32.ne
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 4
      if ;; label = @2
        local.get 10
        i64.const 2
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 233
          call 4
        end
        local.get 0
        call 7
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 1
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 234
          call 4
        end
      end
      local.get 10
      i64.const 3
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 235
        call 4
      end
      global.get 0
      local.tee 0
      local.tee 4
      i32.const 0
      i32.ne
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 4
      if ;; label = @2
        local.get 10
        i64.const 2
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 236
          call 4
        end
        local.get 0
        call 7
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 1
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 237
          call 4
        end
      end
      local.get 10
      i64.const 7
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 238
        call 4
      end
      global.get 5
      local.tee 1
      local.set 3
      local.get 3
      global.get 235
      i32.sub
      local.tee 8
      global.get 237
      i32.eq
      local.tee 9
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 9
      i32.eqz
      if ;; label = @2
        local.get 11
        local.get 3
        i32.store 1
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
      end
      global.get 236
      global.set 237
      local.get 8
      global.set 236
      local.get 3
      global.set 235
      local.get 3
      i32.load offset=4
      i32.const -4
      i32.and
      local.set 0
      loop ;; label = @2
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 4
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 239
          call 4
        end
        local.get 0
        local.get 1
        i32.ne
        local.tee 4
        i32.const 0
        i32.ne
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 4
        if ;; label = @3
          local.get 10
          i64.const 7
          i64.sub
          local.tee 10
          global.set 14
          local.get 10
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 240
            call 4
          end
          local.get 0
          local.set 3
          local.get 3
          global.get 238
          i32.sub
          local.tee 8
          global.get 240
          i32.eq
          local.tee 9
          local.get 12
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 12
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 12
              i32.store 1
            end
            local.get 11
            global.set 20
            local.get 11
            i32.const 4
            i32.add
            local.tee 11
            global.set 15
            i32.const 1
            local.tee 12
            global.set 19
          end
          local.get 12
          i32.const 1
          i32.shl
          i32.or
          local.tee 12
          global.set 19
          local.get 9
          i32.eqz
          if ;; label = @4
            local.get 11
            local.get 3
            i32.store 1
            local.get 11
            i32.const 4
            i32.add
            local.tee 11
            global.set 15
          end
          global.get 239
          global.set 240
          local.get 8
          global.set 239
          local.get 3
          global.set 238
          local.get 3
          i32.load offset=4
          i32.const 3
          i32.and
          i32.const 3
          i32.ne
          local.tee 4
          i32.const 0
          i32.ne
          local.get 12
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 12
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 12
              i32.store 1
            end
            local.get 11
            global.set 20
            local.get 11
            i32.const 4
            i32.add
            local.tee 11
            global.set 15
            i32.const 1
            local.tee 12
            global.set 19
          end
          local.get 12
          i32.const 1
          i32.shl
          i32.or
          local.tee 12
          global.set 19
          local.get 4
          if ;; label = @4
            local.get 10
            i64.const 5
            i64.sub
            local.tee 10
            global.set 14
            local.get 10
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 241
              call 4
            end
            i32.const 0
            i32.const 1120
            i32.const 160
            i32.const 16
            call 0
            global.get 14
            local.set 10
            global.get 15
            local.set 11
            global.get 19
            local.set 12
            local.get 11
            i32.const 1048576
            i32.gt_u
            if ;; label = @5
              local.get 11
              call 6
              i32.const 0
              global.set 15
              global.get 14
              local.set 10
              global.get 15
              local.set 11
              global.get 19
              local.set 12
            end
            local.get 10
            i64.const 1
            i64.sub
            local.tee 10
            global.set 14
            local.get 10
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 242
              call 4
            end
            unreachable
          end
          local.get 10
          i64.const 4
          i64.sub
          local.tee 10
          global.set 14
          local.get 10
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 243
            call 4
          end
          local.get 0
          i32.const 20
          i32.add
          call 13
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
          local.get 11
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 11
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 10
            global.get 15
            local.set 11
            global.get 19
            local.set 12
          end
          local.get 10
          i64.const 6
          i64.sub
          local.tee 10
          global.set 14
          local.get 10
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 244
            call 4
          end
          local.get 0
          local.set 3
          local.get 3
          global.get 241
          i32.sub
          local.tee 8
          global.get 243
          i32.eq
          local.tee 9
          local.get 12
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 12
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 12
              i32.store 1
            end
            local.get 11
            global.set 20
            local.get 11
            i32.const 4
            i32.add
            local.tee 11
            global.set 15
            i32.const 1
            local.tee 12
            global.set 19
          end
          local.get 12
          i32.const 1
          i32.shl
          i32.or
          local.tee 12
          global.set 19
          local.get 9
          i32.eqz
          if ;; label = @4
            local.get 11
            local.get 3
            i32.store 1
            local.get 11
            i32.const 4
            i32.add
            local.tee 11
            global.set 15
          end
          global.get 242
          global.set 243
          local.get 8
          global.set 242
          local.get 3
          global.set 241
          local.get 3
          i32.load offset=4
          i32.const -4
          i32.and
          local.set 0
          br 1 (;@2;)
        end
        local.get 10
        i64.const 1
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 245
          call 4
        end
      end
      local.get 10
      i64.const 1
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 246
        call 4
      end
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;20;) (type 2) (param i32 i32) (result i32)
    (local i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 17
      call 5
    end
    global.get 14
    local.set 10
    global.get 15
    local.set 11
    global.get 19
    local.set 12
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 11
      i32.const 18
      i32.store 1
      local.get 11
      i32.const 4
      i32.add
      local.tee 11
      global.set 15
    end
    block (result i32) ;; label = @1
      local.get 11
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 11
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
      end
      local.get 10
      i64.const 8
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 247
        call 4
      end
      global.get 12
      i32.const 4
      i32.sub
      global.set 12
      global.get 12
      i32.const 2080
      i32.lt_s
      local.tee 4
      i32.const 0
      i32.ne
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 4
      if ;; label = @2
        local.get 10
        i64.const 5
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 248
          call 4
        end
        i32.const 34880
        i32.const 34928
        i32.const 1
        i32.const 1
        call 0
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 1
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 249
          call 4
        end
        unreachable
      end
      local.get 10
      i64.const 16
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 250
        call 4
      end
      global.get 12
      i32.const 0
      local.set 4
      local.set 3
      local.get 3
      global.get 244
      i32.sub
      local.tee 8
      global.get 246
      i32.eq
      local.tee 9
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 9
      i32.eqz
      if ;; label = @2
        local.get 11
        local.get 3
        i32.store 1
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
      end
      global.get 245
      global.set 246
      local.get 8
      global.set 245
      local.get 3
      global.set 244
      local.get 3
      local.get 4
      i32.store
      global.get 12
      local.get 0
      i32.store
      local.get 0
      local.get 0
      i32.const 20
      i32.sub
      local.set 3
      local.get 3
      global.get 247
      i32.sub
      local.tee 8
      global.get 249
      i32.eq
      local.tee 9
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 9
      i32.eqz
      if ;; label = @2
        local.get 11
        local.get 3
        i32.store 1
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
      end
      global.get 248
      global.set 249
      local.get 8
      global.set 248
      local.get 3
      global.set 247
      local.get 3
      i32.load offset=16
      i32.const -2
      i32.and
      local.get 1
      f64.convert_i32_s
      call 3
      global.get 14
      local.set 10
      global.get 15
      local.set 11
      global.get 19
      local.set 12
      local.get 11
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 11
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
      end
      local.get 10
      i64.const 6
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 251
        call 4
      end
      i32.trunc_sat_f64_s
      global.get 12
      i32.const 4
      i32.add
      global.set 12
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;21;) (type 5) (param i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 18
      call 5
    end
    global.get 14
    local.set 12
    global.get 15
    local.set 13
    global.get 19
    local.set 14
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 13
      i32.const 19
      i32.store 1
      local.get 13
      i32.const 4
      i32.add
      local.tee 13
      global.set 15
    end
    block (result i32) ;; label = @1
      local.get 13
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 13
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
      end
      local.get 12
      i64.const 9
      i64.sub
      local.tee 12
      global.set 14
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 252
        call 4
      end
      global.get 12
      i32.const 12
      i32.sub
      global.set 12
      block ;; label = @2
        global.get 12
        i32.const 2080
        i32.lt_s
        local.tee 6
        i32.const 0
        i32.ne
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 6
        br_if 0 (;@2;)
        local.get 12
        i64.const 10
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 253
          call 4
        end
        global.get 12
        i64.const 0
        local.set 7
        local.set 5
        local.get 5
        global.get 250
        i32.sub
        local.tee 10
        global.get 252
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 251
        global.set 252
        local.get 10
        global.set 251
        local.get 5
        global.set 250
        local.get 5
        local.get 7
        i64.store
        global.get 12
        i32.const 0
        i32.store offset=8
        global.get 12
        i32.const 44
        i32.const 7
        call 8
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
        local.get 13
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 13
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
        end
        local.get 12
        i64.const 17
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 254
          call 4
        end
        local.tee 1
        local.set 6
        local.set 5
        local.get 5
        global.get 253
        i32.sub
        local.tee 10
        global.get 255
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 254
        global.set 255
        local.get 10
        global.set 254
        local.get 5
        global.set 253
        local.get 5
        local.get 6
        i32.store
        global.get 12
        local.get 1
        local.set 6
        local.set 5
        local.get 5
        global.get 256
        i32.sub
        local.tee 10
        global.get 258
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 257
        global.set 258
        local.get 10
        global.set 257
        local.get 5
        global.set 256
        local.get 5
        local.get 6
        i32.store offset=4
        local.get 1
        local.get 0
        local.set 6
        local.set 5
        local.get 5
        global.get 259
        i32.sub
        local.tee 10
        global.get 261
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 260
        global.set 261
        local.get 10
        global.set 260
        local.get 5
        global.set 259
        local.get 5
        local.get 6
        i32.store offset=40
        global.get 12
        local.get 1
        i32.store offset=4
        local.get 1
        i32.const 0
        i32.store offset=20
        local.get 1
        i32.const 0
        call 9
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
        local.get 13
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 13
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
        end
        local.get 12
        i64.const 30
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 255
          call 4
        end
        global.get 12
        local.get 1
        local.set 6
        local.set 5
        local.get 5
        global.get 262
        i32.sub
        local.tee 10
        global.get 264
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 263
        global.set 264
        local.get 10
        global.set 263
        local.get 5
        global.set 262
        local.get 5
        local.get 6
        i32.store offset=4
        local.get 1
        f64.const 0x0p+0 (;=0;)
        local.set 9
        local.set 5
        local.get 5
        global.get 265
        i32.sub
        local.tee 10
        global.get 267
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 266
        global.set 267
        local.get 10
        global.set 266
        local.get 5
        global.set 265
        local.get 5
        local.get 9
        f64.store offset=24
        global.get 12
        local.get 1
        i32.store offset=4
        local.get 1
        i32.const 0
        i32.store offset=32
        global.get 12
        local.get 1
        i32.store offset=4
        local.get 1
        i32.const 0
        i32.store offset=36
        global.get 12
        global.get 12
        local.get 1
        i32.store offset=4
        global.get 12
        i32.const 8
        i32.sub
        global.set 12
        global.get 12
        i32.const 2080
        i32.lt_s
        local.tee 6
        i32.const 0
        i32.ne
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 6
        br_if 0 (;@2;)
        local.get 12
        i64.const 6
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 256
          call 4
        end
        global.get 12
        i64.const 0
        local.set 7
        local.set 5
        local.get 5
        global.get 268
        i32.sub
        local.tee 10
        global.get 270
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 269
        global.set 270
        local.get 10
        global.set 269
        local.get 5
        global.set 268
        local.get 5
        local.get 7
        i64.store
        local.get 1
        i32.eqz
        local.tee 6
        i32.const 0
        i32.ne
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 6
        if ;; label = @3
          local.get 12
          i64.const 4
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 257
            call 4
          end
          global.get 12
          i32.const 17
          i32.const 8
          call 8
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
          local.get 13
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 13
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 12
            global.get 15
            local.set 13
            global.get 19
            local.set 14
          end
          local.get 12
          i64.const 3
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 258
            call 4
          end
          local.tee 1
          local.set 6
          local.set 5
          local.get 5
          global.get 271
          i32.sub
          local.tee 10
          global.get 273
          i32.eq
          local.tee 11
          local.get 14
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 14
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 14
              i32.store 1
            end
            local.get 13
            global.set 20
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
            i32.const 1
            local.tee 14
            global.set 19
          end
          local.get 14
          i32.const 1
          i32.shl
          i32.or
          local.tee 14
          global.set 19
          local.get 11
          i32.eqz
          if ;; label = @4
            local.get 13
            local.get 5
            i32.store 1
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
          end
          global.get 272
          global.set 273
          local.get 10
          global.set 272
          local.get 5
          global.set 271
          local.get 5
          local.get 6
          i32.store
        end
        local.get 12
        i64.const 12
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 259
          call 4
        end
        global.get 12
        global.get 12
        local.get 1
        local.set 6
        local.set 5
        local.get 5
        global.get 274
        i32.sub
        local.tee 10
        global.get 276
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 275
        global.set 276
        local.get 10
        global.set 275
        local.get 5
        global.set 274
        local.get 5
        local.get 6
        i32.store offset=4
        global.get 12
        i32.const 8
        i32.sub
        global.set 12
        global.get 12
        i32.const 2080
        i32.lt_s
        local.tee 6
        i32.const 0
        i32.ne
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 6
        br_if 0 (;@2;)
        local.get 12
        i64.const 6
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 260
          call 4
        end
        global.get 12
        i64.const 0
        local.set 7
        local.set 5
        local.get 5
        global.get 277
        i32.sub
        local.tee 10
        global.get 279
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 278
        global.set 279
        local.get 10
        global.set 278
        local.get 5
        global.set 277
        local.get 5
        local.get 7
        i64.store
        local.get 1
        i32.eqz
        local.tee 6
        i32.const 0
        i32.ne
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 6
        if ;; label = @3
          local.get 12
          i64.const 4
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 261
            call 4
          end
          global.get 12
          i32.const 17
          i32.const 9
          call 8
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
          local.get 13
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 13
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 12
            global.get 15
            local.set 13
            global.get 19
            local.set 14
          end
          local.get 12
          i64.const 3
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 262
            call 4
          end
          local.tee 1
          local.set 6
          local.set 5
          local.get 5
          global.get 280
          i32.sub
          local.tee 10
          global.get 282
          i32.eq
          local.tee 11
          local.get 14
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 14
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 14
              i32.store 1
            end
            local.get 13
            global.set 20
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
            i32.const 1
            local.tee 14
            global.set 19
          end
          local.get 14
          i32.const 1
          i32.shl
          i32.or
          local.tee 14
          global.set 19
          local.get 11
          i32.eqz
          if ;; label = @4
            local.get 13
            local.get 5
            i32.store 1
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
          end
          global.get 281
          global.set 282
          local.get 10
          global.set 281
          local.get 5
          global.set 280
          local.get 5
          local.get 6
          i32.store
        end
        local.get 12
        i64.const 6
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 263
          call 4
        end
        global.get 12
        local.get 1
        local.set 6
        local.set 5
        local.get 5
        global.get 283
        i32.sub
        local.tee 10
        global.get 285
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 284
        global.set 285
        local.get 10
        global.set 284
        local.get 5
        global.set 283
        local.get 5
        local.get 6
        i32.store offset=4
        global.get 12
        local.get 1
        call 14
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
        local.get 13
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 13
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
        end
        local.get 12
        i64.const 36
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 264
          call 4
        end
        local.tee 1
        local.set 6
        local.set 5
        local.get 5
        global.get 286
        i32.sub
        local.tee 10
        global.get 288
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 287
        global.set 288
        local.get 10
        global.set 287
        local.get 5
        global.set 286
        local.get 5
        local.get 6
        i32.store
        global.get 12
        local.get 1
        local.set 6
        local.set 5
        local.get 5
        global.get 289
        i32.sub
        local.tee 10
        global.get 291
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 290
        global.set 291
        local.get 10
        global.set 290
        local.get 5
        global.set 289
        local.get 5
        local.get 6
        i32.store offset=4
        local.get 1
        f64.const nan (;=NaN;)
        local.set 9
        local.set 5
        local.get 5
        global.get 292
        i32.sub
        local.tee 10
        global.get 294
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 293
        global.set 294
        local.get 10
        global.set 293
        local.get 5
        global.set 292
        local.get 5
        local.get 9
        f64.store
        global.get 12
        local.get 1
        i32.store offset=4
        local.get 1
        f64.const nan (;=NaN;)
        f64.store offset=8
        global.get 12
        local.get 1
        i32.store offset=4
        local.get 1
        i32.const 0
        i32.store8 offset=16
        global.get 12
        i32.const 8
        i32.add
        global.set 12
        local.get 1
        local.set 6
        local.set 5
        local.get 5
        global.get 295
        i32.sub
        local.tee 10
        global.get 297
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 296
        global.set 297
        local.get 10
        global.set 296
        local.get 5
        global.set 295
        local.get 5
        local.get 6
        i32.store
        global.get 12
        i32.const 8
        i32.add
        global.set 12
        local.get 1
        local.set 6
        local.set 5
        local.get 5
        global.get 298
        i32.sub
        local.tee 10
        global.get 300
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 299
        global.set 300
        local.get 10
        global.set 299
        local.get 5
        global.set 298
        local.get 5
        local.get 6
        i32.store
        local.get 0
        i32.const 0
        i32.le_s
        local.tee 6
        i32.const 0
        i32.ne
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 6
        if ;; label = @3
          local.get 12
          i64.const 5
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 265
            call 4
          end
          i32.const 1488
          i32.const 1568
          i32.const 71
          i32.const 5
          call 0
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
          local.get 13
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 13
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 12
            global.get 15
            local.set 13
            global.get 19
            local.set 14
          end
          local.get 12
          i64.const 1
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 266
            call 4
          end
          unreachable
        end
        local.get 12
        i64.const 11
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 267
          call 4
        end
        global.get 12
        local.get 1
        local.set 6
        local.set 5
        local.get 5
        global.get 301
        i32.sub
        local.tee 10
        global.get 303
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 302
        global.set 303
        local.get 10
        global.set 302
        local.get 5
        global.set 301
        local.get 5
        local.get 6
        i32.store offset=4
        global.get 12
        i32.const 4
        i32.sub
        global.set 12
        global.get 12
        i32.const 2080
        i32.lt_s
        local.tee 6
        i32.const 0
        i32.ne
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 6
        br_if 0 (;@2;)
        local.get 12
        i64.const 7
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 268
          call 4
        end
        global.get 12
        i32.const 0
        local.set 6
        local.set 5
        local.get 5
        global.get 304
        i32.sub
        local.tee 10
        global.get 306
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 305
        global.set 306
        local.get 10
        global.set 305
        local.get 5
        global.set 304
        local.get 5
        local.get 6
        i32.store
        local.get 0
        i32.const 134217727
        i32.gt_u
        local.tee 6
        i32.const 0
        i32.ne
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 6
        if ;; label = @3
          local.get 12
          i64.const 5
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 269
            call 4
          end
          i32.const 1648
          i32.const 1696
          i32.const 51
          i32.const 60
          call 0
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
          local.get 13
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 13
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 12
            global.get 15
            local.set 13
            global.get 19
            local.set 14
          end
          local.get 12
          i64.const 1
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 270
            call 4
          end
          unreachable
        end
        local.get 12
        i64.const 6
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 271
          call 4
        end
        global.get 12
        local.get 0
        i32.const 3
        i32.shl
        i32.const 10
        call 8
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
        local.get 13
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 13
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
        end
        local.get 12
        i64.const 15
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 272
          call 4
        end
        local.tee 0
        local.set 6
        local.set 5
        local.get 5
        global.get 307
        i32.sub
        local.tee 10
        global.get 309
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 308
        global.set 309
        local.get 10
        global.set 308
        local.get 5
        global.set 307
        local.get 5
        local.get 6
        i32.store
        global.get 12
        i32.const 4
        i32.add
        global.set 12
        global.get 12
        local.get 0
        local.set 6
        local.set 5
        local.get 5
        global.get 310
        i32.sub
        local.tee 10
        global.get 312
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 311
        global.set 312
        local.get 10
        global.set 311
        local.get 5
        global.set 310
        local.get 5
        local.get 6
        i32.store offset=8
        local.get 1
        local.get 0
        local.set 6
        local.set 5
        local.get 5
        global.get 313
        i32.sub
        local.tee 10
        global.get 315
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 314
        global.set 315
        local.get 10
        global.set 314
        local.get 5
        global.set 313
        local.get 5
        local.get 6
        i32.store offset=20
        local.get 1
        local.get 0
        call 9
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
        local.get 13
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 13
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
        end
        local.get 12
        i64.const 6
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 273
          call 4
        end
        global.get 12
        i32.const 12
        i32.add
        global.set 12
        local.get 1
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        return
      end
      local.get 12
      i64.const 5
      i64.sub
      local.tee 12
      global.set 14
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 274
        call 4
      end
      i32.const 34880
      i32.const 34928
      i32.const 1
      i32.const 1
      call 0
      global.get 14
      local.set 12
      global.get 15
      local.set 13
      global.get 19
      local.set 14
      local.get 13
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 13
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
      end
      local.get 12
      i64.const 1
      i64.sub
      local.tee 12
      global.set 14
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 275
        call 4
      end
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;22;) (type 6) (param i32 f64)
    (local f64 i32 i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 19
      call 5
    end
    global.get 14
    local.set 13
    global.get 15
    local.set 14
    global.get 19
    local.set 15
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 14
      i32.const 20
      i32.store 1
      local.get 14
      i32.const 4
      i32.add
      local.tee 14
      global.set 15
    end
    block ;; label = @1
      local.get 14
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 14
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 13
        global.get 15
        local.set 14
        global.get 19
        local.set 15
      end
      local.get 13
      i64.const 8
      i64.sub
      local.tee 13
      global.set 14
      local.get 13
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 276
        call 4
      end
      global.get 12
      i32.const 12
      i32.sub
      global.set 12
      global.get 12
      i32.const 2080
      i32.lt_s
      local.tee 7
      i32.const 0
      i32.ne
      local.get 15
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 15
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 15
          i32.store 1
        end
        local.get 14
        global.set 20
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
        i32.const 1
        local.tee 15
        global.set 19
      end
      local.get 15
      i32.const 1
      i32.shl
      i32.or
      local.tee 15
      global.set 19
      local.get 7
      if ;; label = @2
        local.get 13
        i64.const 5
        i64.sub
        local.tee 13
        global.set 14
        local.get 13
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 277
          call 4
        end
        i32.const 34880
        i32.const 34928
        i32.const 1
        i32.const 1
        call 0
        global.get 14
        local.set 13
        global.get 15
        local.set 14
        global.get 19
        local.set 15
        local.get 14
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 14
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 13
          global.get 15
          local.set 14
          global.get 19
          local.set 15
        end
        local.get 13
        i64.const 1
        i64.sub
        local.tee 13
        global.set 14
        local.get 13
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 278
          call 4
        end
        unreachable
      end
      local.get 13
      i64.const 24
      i64.sub
      local.tee 13
      global.set 14
      local.get 13
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 279
        call 4
      end
      global.get 12
      i64.const 0
      local.set 8
      local.set 6
      local.get 6
      global.get 316
      i32.sub
      local.tee 11
      global.get 318
      i32.eq
      local.tee 12
      local.get 15
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 15
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 15
          i32.store 1
        end
        local.get 14
        global.set 20
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
        i32.const 1
        local.tee 15
        global.set 19
      end
      local.get 15
      i32.const 1
      i32.shl
      i32.or
      local.tee 15
      global.set 19
      local.get 12
      i32.eqz
      if ;; label = @2
        local.get 14
        local.get 6
        i32.store 1
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
      end
      global.get 317
      global.set 318
      local.get 11
      global.set 317
      local.get 6
      global.set 316
      local.get 6
      local.get 8
      i64.store
      global.get 12
      i32.const 0
      i32.store offset=8
      global.get 12
      local.get 0
      i32.store
      local.get 0
      local.set 6
      local.get 6
      global.get 319
      i32.sub
      local.tee 11
      global.get 321
      i32.eq
      local.tee 12
      local.get 15
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 15
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 15
          i32.store 1
        end
        local.get 14
        global.set 20
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
        i32.const 1
        local.tee 15
        global.set 19
      end
      local.get 15
      i32.const 1
      i32.shl
      i32.or
      local.tee 15
      global.set 19
      local.get 12
      i32.eqz
      if ;; label = @2
        local.get 14
        local.get 6
        i32.store 1
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
      end
      global.get 320
      global.set 321
      local.get 11
      global.set 320
      local.get 6
      global.set 319
      local.get 6
      i32.load offset=36
      local.set 3
      global.get 12
      local.get 0
      i32.store
      local.get 0
      i32.load offset=32
      global.get 12
      local.get 0
      i32.store
      local.get 0
      i32.load offset=40
      i32.eq
      local.tee 7
      i32.const 0
      i32.ne
      local.get 15
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 15
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 15
          i32.store 1
        end
        local.get 14
        global.set 20
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
        i32.const 1
        local.tee 15
        global.set 19
      end
      local.get 15
      i32.const 1
      i32.shl
      i32.or
      local.tee 15
      global.set 19
      local.get 7
      if ;; label = @2
        local.get 13
        i64.const 28
        i64.sub
        local.tee 13
        global.set 14
        local.get 13
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 280
          call 4
        end
        global.get 12
        local.get 0
        local.set 7
        local.set 6
        local.get 6
        global.get 322
        i32.sub
        local.tee 11
        global.get 324
        i32.eq
        local.tee 12
        local.get 15
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 15
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 15
            i32.store 1
          end
          local.get 14
          global.set 20
          local.get 14
          i32.const 4
          i32.add
          local.tee 14
          global.set 15
          i32.const 1
          local.tee 15
          global.set 19
        end
        local.get 15
        i32.const 1
        i32.shl
        i32.or
        local.tee 15
        global.set 19
        local.get 12
        i32.eqz
        if ;; label = @3
          local.get 14
          local.get 6
          i32.store 1
          local.get 14
          i32.const 4
          i32.add
          local.tee 14
          global.set 15
        end
        global.get 323
        global.set 324
        local.get 11
        global.set 323
        local.get 6
        global.set 322
        local.get 6
        local.get 7
        i32.store
        global.get 12
        local.get 0
        i32.store offset=4
        local.get 0
        local.set 6
        local.get 6
        global.get 325
        i32.sub
        local.tee 11
        global.get 327
        i32.eq
        local.tee 12
        local.get 15
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 15
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 15
            i32.store 1
          end
          local.get 14
          global.set 20
          local.get 14
          i32.const 4
          i32.add
          local.tee 14
          global.set 15
          i32.const 1
          local.tee 15
          global.set 19
        end
        local.get 15
        i32.const 1
        i32.shl
        i32.or
        local.tee 15
        global.set 19
        local.get 12
        i32.eqz
        if ;; label = @3
          local.get 14
          local.get 6
          i32.store 1
          local.get 14
          i32.const 4
          i32.add
          local.tee 14
          global.set 15
        end
        global.get 326
        global.set 327
        local.get 11
        global.set 326
        local.get 6
        global.set 325
        local.get 6
        f64.load offset=24
        local.set 2
        global.get 12
        local.get 0
        i32.store offset=8
        global.get 12
        local.get 0
        i32.load offset=20
        local.tee 4
        i32.store offset=4
        local.get 0
        local.get 2
        local.get 4
        local.get 3
        i32.const 3
        i32.shl
        i32.add
        local.set 6
        local.get 6
        global.get 328
        i32.sub
        local.tee 11
        global.get 330
        i32.eq
        local.tee 12
        local.get 15
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 15
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 15
            i32.store 1
          end
          local.get 14
          global.set 20
          local.get 14
          i32.const 4
          i32.add
          local.tee 14
          global.set 15
          i32.const 1
          local.tee 15
          global.set 19
        end
        local.get 15
        i32.const 1
        i32.shl
        i32.or
        local.tee 15
        global.set 19
        local.get 12
        i32.eqz
        if ;; label = @3
          local.get 14
          local.get 6
          i32.store 1
          local.get 14
          i32.const 4
          i32.add
          local.tee 14
          global.set 15
        end
        global.get 329
        global.set 330
        local.get 11
        global.set 329
        local.get 6
        global.set 328
        local.get 6
        f64.load
        f64.sub
        local.tee 10
        f64.const nan (;=NaN;)
        local.get 10
        local.get 10
        f64.eq
        select
        f64.store offset=24
      else
        local.get 13
        i64.const 13
        i64.sub
        local.tee 13
        global.set 14
        local.get 13
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 281
          call 4
        end
        global.get 12
        local.get 0
        local.set 7
        local.set 6
        local.get 6
        global.get 331
        i32.sub
        local.tee 11
        global.get 333
        i32.eq
        local.tee 12
        local.get 15
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 15
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 15
            i32.store 1
          end
          local.get 14
          global.set 20
          local.get 14
          i32.const 4
          i32.add
          local.tee 14
          global.set 15
          i32.const 1
          local.tee 15
          global.set 19
        end
        local.get 15
        i32.const 1
        i32.shl
        i32.or
        local.tee 15
        global.set 19
        local.get 12
        i32.eqz
        if ;; label = @3
          local.get 14
          local.get 6
          i32.store 1
          local.get 14
          i32.const 4
          i32.add
          local.tee 14
          global.set 15
        end
        global.get 332
        global.set 333
        local.get 11
        global.set 332
        local.get 6
        global.set 331
        local.get 6
        local.get 7
        i32.store
        global.get 12
        local.get 0
        i32.store offset=4
        local.get 0
        local.get 0
        local.set 6
        local.get 6
        global.get 334
        i32.sub
        local.tee 11
        global.get 336
        i32.eq
        local.tee 12
        local.get 15
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 15
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 15
            i32.store 1
          end
          local.get 14
          global.set 20
          local.get 14
          i32.const 4
          i32.add
          local.tee 14
          global.set 15
          i32.const 1
          local.tee 15
          global.set 19
        end
        local.get 15
        i32.const 1
        i32.shl
        i32.or
        local.tee 15
        global.set 19
        local.get 12
        i32.eqz
        if ;; label = @3
          local.get 14
          local.get 6
          i32.store 1
          local.get 14
          i32.const 4
          i32.add
          local.tee 14
          global.set 15
        end
        global.get 335
        global.set 336
        local.get 11
        global.set 335
        local.get 6
        global.set 334
        local.get 6
        i32.load offset=32
        i32.const 1
        i32.add
        i32.store offset=32
      end
      local.get 13
      i64.const 83
      i64.sub
      local.tee 13
      global.set 14
      local.get 13
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 282
        call 4
      end
      global.get 12
      local.get 0
      local.set 7
      local.set 6
      local.get 6
      global.get 337
      i32.sub
      local.tee 11
      global.get 339
      i32.eq
      local.tee 12
      local.get 15
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 15
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 15
          i32.store 1
        end
        local.get 14
        global.set 20
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
        i32.const 1
        local.tee 15
        global.set 19
      end
      local.get 15
      i32.const 1
      i32.shl
      i32.or
      local.tee 15
      global.set 19
      local.get 12
      i32.eqz
      if ;; label = @2
        local.get 14
        local.get 6
        i32.store 1
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
      end
      global.get 338
      global.set 339
      local.get 11
      global.set 338
      local.get 6
      global.set 337
      local.get 6
      local.get 7
      i32.store offset=4
      global.get 12
      local.get 0
      local.set 6
      local.get 6
      global.get 340
      i32.sub
      local.tee 11
      global.get 342
      i32.eq
      local.tee 12
      local.get 15
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 15
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 15
          i32.store 1
        end
        local.get 14
        global.set 20
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
        i32.const 1
        local.tee 15
        global.set 19
      end
      local.get 15
      i32.const 1
      i32.shl
      i32.or
      local.tee 15
      global.set 19
      local.get 12
      i32.eqz
      if ;; label = @2
        local.get 14
        local.get 6
        i32.store 1
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
      end
      global.get 341
      global.set 342
      local.get 11
      global.set 341
      local.get 6
      global.set 340
      local.get 6
      i32.load offset=20
      local.tee 4
      i32.store
      local.get 4
      local.get 3
      i32.const 3
      i32.shl
      i32.add
      local.get 1
      local.set 10
      local.set 6
      local.get 6
      global.get 343
      i32.sub
      local.tee 11
      global.get 345
      i32.eq
      local.tee 12
      local.get 15
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 15
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 15
          i32.store 1
        end
        local.get 14
        global.set 20
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
        i32.const 1
        local.tee 15
        global.set 19
      end
      local.get 15
      i32.const 1
      i32.shl
      i32.or
      local.tee 15
      global.set 19
      local.get 12
      i32.eqz
      if ;; label = @2
        local.get 14
        local.get 6
        i32.store 1
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
      end
      global.get 344
      global.set 345
      local.get 11
      global.set 344
      local.get 6
      global.set 343
      local.get 6
      local.get 10
      f64.store
      global.get 12
      local.get 0
      i32.store
      global.get 12
      local.get 0
      i32.store offset=4
      local.get 0
      local.get 0
      f64.load offset=24
      local.get 1
      f64.add
      local.tee 10
      f64.const nan (;=NaN;)
      local.get 10
      local.get 10
      f64.eq
      select
      f64.store offset=24
      global.get 12
      local.get 0
      i32.store
      global.get 12
      local.get 0
      i32.store offset=4
      local.get 0
      local.get 3
      i32.const 1
      i32.add
      local.tee 3
      i32.const 0
      local.get 0
      i32.load offset=40
      local.get 3
      i32.ne
      select
      i32.store offset=36
      global.get 12
      local.get 0
      i32.store
      global.get 12
      local.get 0
      i32.store offset=4
      local.get 0
      local.get 0
      f64.load
      f64.store offset=8
      global.get 12
      local.get 0
      i32.store
      global.get 12
      local.get 0
      i32.store offset=4
      local.get 0
      i32.load offset=32
      local.set 3
      global.get 12
      local.get 0
      i32.store offset=4
      local.get 0
      local.get 3
      local.get 0
      i32.load offset=40
      i32.eq
      i32.store8 offset=16
      global.get 12
      local.get 0
      i32.store
      global.get 12
      local.get 0
      i32.store offset=4
      local.get 0
      local.get 0
      i32.load8_u offset=16
      local.tee 7
      i32.const 0
      i32.ne
      local.get 15
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 15
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 15
          i32.store 1
        end
        local.get 14
        global.set 20
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
        i32.const 1
        local.tee 15
        global.set 19
      end
      local.get 15
      i32.const 1
      i32.shl
      i32.or
      local.tee 15
      global.set 19
      local.get 7
      if (result f64) ;; label = @2
        local.get 13
        i64.const 13
        i64.sub
        local.tee 13
        global.set 14
        local.get 13
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 283
          call 4
        end
        global.get 12
        local.get 0
        local.set 7
        local.set 6
        local.get 6
        global.get 346
        i32.sub
        local.tee 11
        global.get 348
        i32.eq
        local.tee 12
        local.get 15
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 15
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 15
            i32.store 1
          end
          local.get 14
          global.set 20
          local.get 14
          i32.const 4
          i32.add
          local.tee 14
          global.set 15
          i32.const 1
          local.tee 15
          global.set 19
        end
        local.get 15
        i32.const 1
        i32.shl
        i32.or
        local.tee 15
        global.set 19
        local.get 12
        i32.eqz
        if ;; label = @3
          local.get 14
          local.get 6
          i32.store 1
          local.get 14
          i32.const 4
          i32.add
          local.tee 14
          global.set 15
        end
        global.get 347
        global.set 348
        local.get 11
        global.set 347
        local.get 6
        global.set 346
        local.get 6
        local.get 7
        i32.store offset=4
        local.get 0
        local.set 6
        local.get 6
        global.get 349
        i32.sub
        local.tee 11
        global.get 351
        i32.eq
        local.tee 12
        local.get 15
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 15
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 15
            i32.store 1
          end
          local.get 14
          global.set 20
          local.get 14
          i32.const 4
          i32.add
          local.tee 14
          global.set 15
          i32.const 1
          local.tee 15
          global.set 19
        end
        local.get 15
        i32.const 1
        i32.shl
        i32.or
        local.tee 15
        global.set 19
        local.get 12
        i32.eqz
        if ;; label = @3
          local.get 14
          local.get 6
          i32.store 1
          local.get 14
          i32.const 4
          i32.add
          local.tee 14
          global.set 15
        end
        global.get 350
        global.set 351
        local.get 11
        global.set 350
        local.get 6
        global.set 349
        local.get 6
        f64.load offset=24
        global.get 12
        local.get 0
        i32.store offset=4
        local.get 0
        i32.load offset=40
        f64.convert_i32_s
        f64.div
        local.tee 10
        f64.const nan (;=NaN;)
        local.get 10
        local.get 10
        f64.eq
        select
      else
        local.get 13
        i64.const 2
        i64.sub
        local.tee 13
        global.set 14
        local.get 13
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 284
          call 4
        end
        f64.const nan (;=NaN;)
      end
      local.get 13
      i64.const 12
      i64.sub
      local.tee 13
      global.set 14
      local.get 13
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 285
        call 4
      end
      local.set 10
      local.set 6
      local.get 6
      global.get 352
      i32.sub
      local.tee 11
      global.get 354
      i32.eq
      local.tee 12
      local.get 15
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 15
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 15
          i32.store 1
        end
        local.get 14
        global.set 20
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
        i32.const 1
        local.tee 15
        global.set 19
      end
      local.get 15
      i32.const 1
      i32.shl
      i32.or
      local.tee 15
      global.set 19
      local.get 12
      i32.eqz
      if ;; label = @2
        local.get 14
        local.get 6
        i32.store 1
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
      end
      global.get 353
      global.set 354
      local.get 11
      global.set 353
      local.get 6
      global.set 352
      local.get 6
      local.get 10
      f64.store
      global.get 12
      local.get 0
      local.set 7
      local.set 6
      local.get 6
      global.get 355
      i32.sub
      local.tee 11
      global.get 357
      i32.eq
      local.tee 12
      local.get 15
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 15
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 15
          i32.store 1
        end
        local.get 14
        global.set 20
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
        i32.const 1
        local.tee 15
        global.set 19
      end
      local.get 15
      i32.const 1
      i32.shl
      i32.or
      local.tee 15
      global.set 19
      local.get 12
      i32.eqz
      if ;; label = @2
        local.get 14
        local.get 6
        i32.store 1
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
      end
      global.get 356
      global.set 357
      local.get 11
      global.set 356
      local.get 6
      global.set 355
      local.get 6
      local.get 7
      i32.store
      local.get 0
      local.set 6
      local.get 6
      global.get 358
      i32.sub
      local.tee 11
      global.get 360
      i32.eq
      local.tee 12
      local.get 15
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 15
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 15
          i32.store 1
        end
        local.get 14
        global.set 20
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
        i32.const 1
        local.tee 15
        global.set 19
      end
      local.get 15
      i32.const 1
      i32.shl
      i32.or
      local.tee 15
      global.set 19
      local.get 12
      i32.eqz
      if ;; label = @2
        local.get 14
        local.get 6
        i32.store 1
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
      end
      global.get 359
      global.set 360
      local.get 11
      global.set 359
      local.get 6
      global.set 358
      local.get 6
      f64.load
      drop
      global.get 12
      i32.const 12
      i32.add
      global.set 12
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;23;) (type 4)
    (local i32 i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 20
      call 5
    end
    global.get 16
    i32.const 1
    i32.eq
    if ;; label = @1
      global.get 14
      i64.const 100000000
      i64.sub
      local.tee 5
      i64.const 0
      i64.gt_s
      if ;; label = @2
        local.get 5
        global.set 18
        i64.const 100000000
        global.set 14
      end
    end
    global.get 14
    local.set 10
    global.get 15
    local.set 11
    global.get 19
    local.set 12
    global.get 16
    i32.const 1
    i32.eq
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 11
      i32.const 21
      i32.store 1
      local.get 11
      i32.const 4
      i32.add
      local.tee 11
      global.set 15
    end
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 11
      i32.const 21
      i32.store 1
      local.get 11
      i32.const 4
      i32.add
      local.tee 11
      global.set 15
    end
    block ;; label = @1
      local.get 11
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 11
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
      end
      local.get 10
      i64.const 2
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 286
        call 4
      end
      global.get 13
      local.tee 4
      i32.const 0
      i32.ne
      local.get 12
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 12
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 12
          i32.store 1
        end
        local.get 11
        global.set 20
        local.get 11
        i32.const 4
        i32.add
        local.tee 11
        global.set 15
        i32.const 1
        local.tee 12
        global.set 19
      end
      local.get 12
      i32.const 1
      i32.shl
      i32.or
      local.tee 12
      global.set 19
      local.get 4
      if ;; label = @2
        local.get 10
        i64.const 1
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 287
          call 4
        end
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        global.get 16
        i32.eqz
        if ;; label = @3
          global.get 14
          global.get 18
          i64.add
          global.set 14
          i64.const 0
          global.set 18
        end
        return
      end
      local.get 10
      i64.const 11
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 288
        call 4
      end
      i32.const 1
      global.set 13
      global.get 12
      i32.const 4
      i32.sub
      global.set 12
      block ;; label = @2
        global.get 12
        i32.const 2080
        i32.lt_s
        local.tee 4
        i32.const 0
        i32.ne
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 4
        br_if 0 (;@2;)
        local.get 10
        i64.const 43
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 289
          call 4
        end
        global.get 12
        i32.const 0
        local.set 4
        local.set 3
        local.get 3
        global.get 361
        i32.sub
        local.tee 8
        global.get 363
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 362
        global.set 363
        local.get 8
        global.set 362
        local.get 3
        global.set 361
        local.get 3
        local.get 4
        i32.store
        memory.size
        i32.const 16
        i32.shl
        i32.const 34848
        i32.sub
        i32.const 1
        i32.shr_u
        global.set 2
        i32.const 1172
        i32.const 1168
        local.set 4
        local.set 3
        local.get 3
        global.get 364
        i32.sub
        local.tee 8
        global.get 366
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 365
        global.set 366
        local.get 8
        global.set 365
        local.get 3
        global.set 364
        local.get 3
        local.get 4
        i32.store
        i32.const 1176
        i32.const 1168
        local.set 4
        local.set 3
        local.get 3
        global.get 367
        i32.sub
        local.tee 8
        global.get 369
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 368
        global.set 369
        local.get 8
        global.set 368
        local.get 3
        global.set 367
        local.get 3
        local.get 4
        i32.store
        i32.const 1168
        global.set 5
        i32.const 1204
        i32.const 1200
        local.set 4
        local.set 3
        local.get 3
        global.get 370
        i32.sub
        local.tee 8
        global.get 372
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 371
        global.set 372
        local.get 8
        global.set 371
        local.get 3
        global.set 370
        local.get 3
        local.get 4
        i32.store
        i32.const 1208
        i32.const 1200
        local.set 4
        local.set 3
        local.get 3
        global.get 373
        i32.sub
        local.tee 8
        global.get 375
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 374
        global.set 375
        local.get 8
        global.set 374
        local.get 3
        global.set 373
        local.get 3
        local.get 4
        i32.store
        i32.const 1200
        global.set 7
        i32.const 1348
        i32.const 1344
        local.set 4
        local.set 3
        local.get 3
        global.get 376
        i32.sub
        local.tee 8
        global.get 378
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 377
        global.set 378
        local.get 8
        global.set 377
        local.get 3
        global.set 376
        local.get 3
        local.get 4
        i32.store
        i32.const 1352
        i32.const 1344
        local.set 4
        local.set 3
        local.get 3
        global.get 379
        i32.sub
        local.tee 8
        global.get 381
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 380
        global.set 381
        local.get 8
        global.set 380
        local.get 3
        global.set 379
        local.get 3
        local.get 4
        i32.store
        i32.const 1344
        global.set 9
        global.get 12
        i32.const 8
        i32.sub
        global.set 12
        global.get 12
        i32.const 2080
        i32.lt_s
        local.tee 4
        i32.const 0
        i32.ne
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 4
        br_if 0 (;@2;)
        local.get 10
        i64.const 7
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 290
          call 4
        end
        global.get 12
        i64.const 0
        local.set 5
        local.set 3
        local.get 3
        global.get 382
        i32.sub
        local.tee 8
        global.get 384
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 383
        global.set 384
        local.get 8
        global.set 383
        local.get 3
        global.set 382
        local.get 3
        local.get 5
        i64.store
        global.get 12
        i32.const 56
        i32.const 5
        call 8
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 8
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 291
          call 4
        end
        local.tee 0
        local.set 4
        local.set 3
        local.get 3
        global.get 385
        i32.sub
        local.tee 8
        global.get 387
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 386
        global.set 387
        local.get 8
        global.set 386
        local.get 3
        global.set 385
        local.get 3
        local.get 4
        i32.store
        global.get 12
        local.get 0
        local.set 4
        local.set 3
        local.get 3
        global.get 388
        i32.sub
        local.tee 8
        global.get 390
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 389
        global.set 390
        local.get 8
        global.set 389
        local.get 3
        global.set 388
        local.get 3
        local.get 4
        i32.store offset=4
        global.get 12
        local.get 0
        call 14
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 64
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 292
          call 4
        end
        local.tee 0
        local.set 4
        local.set 3
        local.get 3
        global.get 391
        i32.sub
        local.tee 8
        global.get 393
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 392
        global.set 393
        local.get 8
        global.set 392
        local.get 3
        global.set 391
        local.get 3
        local.get 4
        i32.store
        global.get 12
        local.get 0
        local.set 4
        local.set 3
        local.get 3
        global.get 394
        i32.sub
        local.tee 8
        global.get 396
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 395
        global.set 396
        local.get 8
        global.set 395
        local.get 3
        global.set 394
        local.get 3
        local.get 4
        i32.store offset=4
        local.get 0
        i64.const 0
        local.set 5
        local.set 3
        local.get 3
        global.get 397
        i32.sub
        local.tee 8
        global.get 399
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 398
        global.set 399
        local.get 8
        global.set 398
        local.get 3
        global.set 397
        local.get 3
        local.get 5
        i64.store
        global.get 12
        local.get 0
        i32.store offset=4
        local.get 0
        f64.const 0x0p+0 (;=0;)
        f64.store offset=8
        global.get 12
        local.get 0
        i32.store offset=4
        local.get 0
        f64.const 0x0p+0 (;=0;)
        f64.store offset=16
        global.get 12
        local.get 0
        i32.store offset=4
        local.get 0
        f64.const 0x0p+0 (;=0;)
        f64.store offset=24
        global.get 12
        local.get 0
        i32.store offset=4
        local.get 0
        f64.const 0x0p+0 (;=0;)
        f64.store offset=32
        global.get 12
        local.get 0
        i32.store offset=4
        local.get 0
        f64.const 0x0p+0 (;=0;)
        f64.store offset=40
        global.get 12
        local.get 0
        i32.store offset=4
        local.get 0
        i32.const -1
        i32.store offset=48
        global.get 12
        local.get 0
        i32.store offset=4
        local.get 0
        i32.const 0
        i32.store offset=52
        global.get 12
        i32.const 8
        i32.add
        global.set 12
        local.get 0
        global.set 11
        global.get 12
        i32.const 12
        i32.sub
        global.set 12
        global.get 12
        i32.const 2080
        i32.lt_s
        local.tee 4
        i32.const 0
        i32.ne
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 4
        br_if 0 (;@2;)
        local.get 10
        i64.const 10
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 293
          call 4
        end
        global.get 12
        i64.const 0
        local.set 5
        local.set 3
        local.get 3
        global.get 400
        i32.sub
        local.tee 8
        global.get 402
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 401
        global.set 402
        local.get 8
        global.set 401
        local.get 3
        global.set 400
        local.get 3
        local.get 5
        i64.store
        global.get 12
        i32.const 0
        i32.store offset=8
        global.get 12
        i32.const 8
        i32.const 6
        call 8
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 14
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 294
          call 4
        end
        local.tee 0
        local.set 4
        local.set 3
        local.get 3
        global.get 403
        i32.sub
        local.tee 8
        global.get 405
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 404
        global.set 405
        local.get 8
        global.set 404
        local.get 3
        global.set 403
        local.get 3
        local.get 4
        i32.store
        global.get 12
        global.get 12
        local.get 0
        local.set 4
        local.set 3
        local.get 3
        global.get 406
        i32.sub
        local.tee 8
        global.get 408
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 407
        global.set 408
        local.get 8
        global.set 407
        local.get 3
        global.set 406
        local.get 3
        local.get 4
        i32.store offset=4
        global.get 12
        i32.const 8
        i32.sub
        global.set 12
        global.get 12
        i32.const 2080
        i32.lt_s
        local.tee 4
        i32.const 0
        i32.ne
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 4
        br_if 0 (;@2;)
        local.get 10
        i64.const 6
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 295
          call 4
        end
        global.get 12
        i64.const 0
        local.set 5
        local.set 3
        local.get 3
        global.get 409
        i32.sub
        local.tee 8
        global.get 411
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 410
        global.set 411
        local.get 8
        global.set 410
        local.get 3
        global.set 409
        local.get 3
        local.get 5
        i64.store
        local.get 0
        i32.eqz
        local.tee 4
        i32.const 0
        i32.ne
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 4
        if ;; label = @3
          local.get 10
          i64.const 4
          i64.sub
          local.tee 10
          global.set 14
          local.get 10
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 296
            call 4
          end
          global.get 12
          i32.const 0
          i32.const 4
          call 8
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
          local.get 11
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 11
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 10
            global.get 15
            local.set 11
            global.get 19
            local.set 12
          end
          local.get 10
          i64.const 3
          i64.sub
          local.tee 10
          global.set 14
          local.get 10
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 297
            call 4
          end
          local.tee 0
          local.set 4
          local.set 3
          local.get 3
          global.get 412
          i32.sub
          local.tee 8
          global.get 414
          i32.eq
          local.tee 9
          local.get 12
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 12
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 12
              i32.store 1
            end
            local.get 11
            global.set 20
            local.get 11
            i32.const 4
            i32.add
            local.tee 11
            global.set 15
            i32.const 1
            local.tee 12
            global.set 19
          end
          local.get 12
          i32.const 1
          i32.shl
          i32.or
          local.tee 12
          global.set 19
          local.get 9
          i32.eqz
          if ;; label = @4
            local.get 11
            local.get 3
            i32.store 1
            local.get 11
            i32.const 4
            i32.add
            local.tee 11
            global.set 15
          end
          global.get 413
          global.set 414
          local.get 8
          global.set 413
          local.get 3
          global.set 412
          local.get 3
          local.get 4
          i32.store
        end
        local.get 10
        i64.const 6
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 298
          call 4
        end
        global.get 12
        local.get 0
        local.set 4
        local.set 3
        local.get 3
        global.get 415
        i32.sub
        local.tee 8
        global.get 417
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 416
        global.set 417
        local.get 8
        global.set 416
        local.get 3
        global.set 415
        local.get 3
        local.get 4
        i32.store offset=4
        global.get 12
        local.get 0
        call 14
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 14
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 299
          call 4
        end
        local.tee 0
        local.set 4
        local.set 3
        local.get 3
        global.get 418
        i32.sub
        local.tee 8
        global.get 420
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 419
        global.set 420
        local.get 8
        global.set 419
        local.get 3
        global.set 418
        local.get 3
        local.get 4
        i32.store
        global.get 12
        i32.const 8
        i32.add
        global.set 12
        local.get 0
        local.set 4
        local.set 3
        local.get 3
        global.get 421
        i32.sub
        local.tee 8
        global.get 423
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 422
        global.set 423
        local.get 8
        global.set 422
        local.get 3
        global.set 421
        local.get 3
        local.get 4
        i32.store
        global.get 12
        local.get 0
        local.set 4
        local.set 3
        local.get 3
        global.get 424
        i32.sub
        local.tee 8
        global.get 426
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 425
        global.set 426
        local.get 8
        global.set 425
        local.get 3
        global.set 424
        local.get 3
        local.get 4
        i32.store offset=4
        i32.const 1456
        i32.const 10
        call 20
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 1
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 300
          call 4
        end
        call 21
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 10
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 301
          call 4
        end
        local.set 1
        global.get 12
        local.get 1
        local.set 4
        local.set 3
        local.get 3
        global.get 427
        i32.sub
        local.tee 8
        global.get 429
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 428
        global.set 429
        local.get 8
        global.set 428
        local.get 3
        global.set 427
        local.get 3
        local.get 4
        i32.store offset=8
        local.get 0
        local.get 1
        local.set 4
        local.set 3
        local.get 3
        global.get 430
        i32.sub
        local.tee 8
        global.get 432
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 431
        global.set 432
        local.get 8
        global.set 431
        local.get 3
        global.set 430
        local.get 3
        local.get 4
        i32.store
        local.get 0
        local.get 1
        call 9
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 6
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 302
          call 4
        end
        global.get 12
        local.get 0
        local.set 4
        local.set 3
        local.get 3
        global.get 433
        i32.sub
        local.tee 8
        global.get 435
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 434
        global.set 435
        local.get 8
        global.set 434
        local.get 3
        global.set 433
        local.get 3
        local.get 4
        i32.store offset=4
        i32.const 1760
        i32.const 20
        call 20
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 1
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 303
          call 4
        end
        call 21
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 10
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 304
          call 4
        end
        local.set 1
        global.get 12
        local.get 1
        local.set 4
        local.set 3
        local.get 3
        global.get 436
        i32.sub
        local.tee 8
        global.get 438
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 437
        global.set 438
        local.get 8
        global.set 437
        local.get 3
        global.set 436
        local.get 3
        local.get 4
        i32.store offset=8
        local.get 0
        local.get 1
        local.set 4
        local.set 3
        local.get 3
        global.get 439
        i32.sub
        local.tee 8
        global.get 441
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 440
        global.set 441
        local.get 8
        global.set 440
        local.get 3
        global.set 439
        local.get 3
        local.get 4
        i32.store offset=4
        local.get 0
        local.get 1
        call 9
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
        local.get 11
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 11
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
        end
        local.get 10
        i64.const 15
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 305
          call 4
        end
        global.get 12
        i32.const 12
        i32.add
        global.set 12
        global.get 12
        local.get 0
        local.set 4
        local.set 3
        local.get 3
        global.get 442
        i32.sub
        local.tee 8
        global.get 444
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 443
        global.set 444
        local.get 8
        global.set 443
        local.get 3
        global.set 442
        local.get 3
        local.get 4
        i32.store
        global.get 12
        i32.const 4
        i32.sub
        global.set 12
        global.get 12
        i32.const 2080
        i32.lt_s
        local.tee 4
        i32.const 0
        i32.ne
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 4
        br_if 0 (;@2;)
        local.get 10
        i64.const 5
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 306
          call 4
        end
        global.get 12
        i32.const 0
        local.set 4
        local.set 3
        local.get 3
        global.get 445
        i32.sub
        local.tee 8
        global.get 447
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 446
        global.set 447
        local.get 8
        global.set 446
        local.get 3
        global.set 445
        local.get 3
        local.get 4
        i32.store
        global.get 0
        local.tee 4
        i32.const 0
        i32.ne
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 4
        if ;; label = @3
          local.get 10
          i64.const 5
          i64.sub
          local.tee 10
          global.set 14
          local.get 10
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 307
            call 4
          end
          i32.const 1792
          i32.const 1856
          i32.const 8
          i32.const 3
          call 0
          global.get 14
          local.set 10
          global.get 15
          local.set 11
          global.get 19
          local.set 12
          local.get 11
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 11
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 10
            global.get 15
            local.set 11
            global.get 19
            local.set 12
          end
          local.get 10
          i64.const 1
          i64.sub
          local.tee 10
          global.set 14
          local.get 10
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 308
            call 4
          end
          unreachable
        end
        local.get 10
        i64.const 14
        i64.sub
        local.tee 10
        global.set 14
        local.get 10
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 309
          call 4
        end
        local.get 0
        global.set 0
        global.get 12
        local.get 0
        local.set 4
        local.set 3
        local.get 3
        global.get 448
        i32.sub
        local.tee 8
        global.get 450
        i32.eq
        local.tee 9
        local.get 12
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 12
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 12
            i32.store 1
          end
          local.get 11
          global.set 20
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
          i32.const 1
          local.tee 12
          global.set 19
        end
        local.get 12
        i32.const 1
        i32.shl
        i32.or
        local.tee 12
        global.set 19
        local.get 9
        i32.eqz
        if ;; label = @3
          local.get 11
          local.get 3
          i32.store 1
          local.get 11
          i32.const 4
          i32.add
          local.tee 11
          global.set 15
        end
        global.get 449
        global.set 450
        local.get 8
        global.set 449
        local.get 3
        global.set 448
        local.get 3
        local.get 4
        i32.store
        global.get 12
        i32.const 4
        i32.add
        global.set 12
        global.get 12
        i32.const 4
        i32.add
        global.set 12
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        global.get 16
        i32.eqz
        if ;; label = @3
          global.get 14
          global.get 18
          i64.add
          global.set 14
          i64.const 0
          global.set 18
        end
        return
      end
      local.get 10
      i64.const 5
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 310
        call 4
      end
      i32.const 34880
      i32.const 34928
      i32.const 1
      i32.const 1
      call 0
      global.get 14
      local.set 10
      global.get 15
      local.set 11
      global.get 19
      local.set 12
      local.get 11
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 11
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 10
        global.get 15
        local.set 11
        global.get 19
        local.set 12
      end
      local.get 10
      i64.const 1
      i64.sub
      local.tee 10
      global.set 14
      local.get 10
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 311
        call 4
      end
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 16
    i32.eqz
    if ;; label = @1
      global.get 14
      global.get 18
      i64.add
      global.set 14
      i64.const 0
      global.set 18
    end
  )
  (func (;24;) (type 3) (result i32)
    (local i32 i32 i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 21
      call 5
    end
    global.get 14
    local.set 11
    global.get 15
    local.set 12
    global.get 19
    local.set 13
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 12
      i32.const 22
      i32.store 1
      local.get 12
      i32.const 4
      i32.add
      local.tee 12
      global.set 15
    end
    block (result i32) ;; label = @1
      local.get 12
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 12
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 11
        global.get 15
        local.set 12
        global.get 19
        local.set 13
      end
      local.get 11
      i64.const 6
      i64.sub
      local.tee 11
      global.set 14
      local.get 11
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 312
        call 4
      end
      block ;; label = @2
        block ;; label = @3
          block ;; label = @4
            block ;; label = @5
              global.get 3
              local.set 5
              local.get 12
              local.get 5
              i32.store 1
              local.get 12
              i32.const 4
              i32.add
              local.tee 12
              global.set 15
              local.get 5
              br_table 0 (;@5;) 1 (;@4;) 2 (;@3;) 3 (;@2;)
            end
            local.get 11
            i64.const 5
            i64.sub
            local.tee 11
            global.set 14
            local.get 11
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 313
              call 4
            end
            i32.const 1
            global.set 3
            i32.const 0
            global.set 4
            call 19
            global.get 14
            local.set 11
            global.get 15
            local.set 12
            global.get 19
            local.set 13
            local.get 12
            i32.const 1048576
            i32.gt_u
            if ;; label = @5
              local.get 12
              call 6
              i32.const 0
              global.set 15
              global.get 14
              local.set 11
              global.get 15
              local.set 12
              global.get 19
              local.set 13
            end
            local.get 11
            i64.const 4
            i64.sub
            local.tee 11
            global.set 14
            local.get 11
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 314
              call 4
            end
            global.get 7
            global.set 6
            global.get 4
            global.get 16
            i32.const 1
            i32.sub
            global.set 16
            return
          end
          local.get 11
          i64.const 9
          i64.sub
          local.tee 11
          global.set 14
          local.get 11
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 315
            call 4
          end
          global.get 8
          i32.eqz
          local.set 1
          global.get 6
          local.set 4
          local.get 4
          global.get 451
          i32.sub
          local.tee 9
          global.get 453
          i32.eq
          local.tee 10
          local.get 13
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 13
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 13
              i32.store 1
            end
            local.get 12
            global.set 20
            local.get 12
            i32.const 4
            i32.add
            local.tee 12
            global.set 15
            i32.const 1
            local.tee 13
            global.set 19
          end
          local.get 13
          i32.const 1
          i32.shl
          i32.or
          local.tee 13
          global.set 19
          local.get 10
          i32.eqz
          if ;; label = @4
            local.get 12
            local.get 4
            i32.store 1
            local.get 12
            i32.const 4
            i32.add
            local.tee 12
            global.set 15
          end
          global.get 452
          global.set 453
          local.get 9
          global.set 452
          local.get 4
          global.set 451
          local.get 4
          i32.load offset=4
          i32.const -4
          i32.and
          local.set 0
          loop ;; label = @4
            local.get 12
            i32.const 1048576
            i32.gt_u
            if ;; label = @5
              local.get 12
              call 6
              i32.const 0
              global.set 15
              global.get 14
              local.set 11
              global.get 15
              local.set 12
              global.get 19
              local.set 13
            end
            local.get 11
            i64.const 4
            i64.sub
            local.tee 11
            global.set 14
            local.get 11
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 316
              call 4
            end
            local.get 0
            global.get 7
            i32.ne
            local.tee 5
            i32.const 0
            i32.ne
            local.get 13
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 13
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 13
                i32.store 1
              end
              local.get 12
              global.set 20
              local.get 12
              i32.const 4
              i32.add
              local.tee 12
              global.set 15
              i32.const 1
              local.tee 13
              global.set 19
            end
            local.get 13
            i32.const 1
            i32.shl
            i32.or
            local.tee 13
            global.set 19
            local.get 5
            if ;; label = @5
              local.get 11
              i64.const 10
              i64.sub
              local.tee 11
              global.set 14
              local.get 11
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 317
                call 4
              end
              local.get 0
              global.set 6
              local.get 1
              local.get 0
              local.set 4
              local.get 4
              global.get 454
              i32.sub
              local.tee 9
              global.get 456
              i32.eq
              local.tee 10
              local.get 13
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 13
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 13
                  i32.store 1
                end
                local.get 12
                global.set 20
                local.get 12
                i32.const 4
                i32.add
                local.tee 12
                global.set 15
                i32.const 1
                local.tee 13
                global.set 19
              end
              local.get 13
              i32.const 1
              i32.shl
              i32.or
              local.tee 13
              global.set 19
              local.get 10
              i32.eqz
              if ;; label = @6
                local.get 12
                local.get 4
                i32.store 1
                local.get 12
                i32.const 4
                i32.add
                local.tee 12
                global.set 15
              end
              global.get 455
              global.set 456
              local.get 9
              global.set 455
              local.get 4
              global.set 454
              local.get 4
              i32.load offset=4
              local.tee 2
              i32.const 3
              i32.and
              i32.ne
              local.tee 5
              i32.const 0
              i32.ne
              local.get 13
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 13
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 13
                  i32.store 1
                end
                local.get 12
                global.set 20
                local.get 12
                i32.const 4
                i32.add
                local.tee 12
                global.set 15
                i32.const 1
                local.tee 13
                global.set 19
              end
              local.get 13
              i32.const 1
              i32.shl
              i32.or
              local.tee 13
              global.set 19
              local.get 5
              if ;; label = @6
                local.get 11
                i64.const 13
                i64.sub
                local.tee 11
                global.set 14
                local.get 11
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 318
                  call 4
                end
                local.get 0
                local.get 2
                i32.const -4
                i32.and
                local.get 1
                i32.or
                local.set 5
                local.set 4
                local.get 4
                global.get 457
                i32.sub
                local.tee 9
                global.get 459
                i32.eq
                local.tee 10
                local.get 13
                i32.const 2
                i32.lt_s
                if ;; label = @7
                  local.get 13
                  i32.const 0
                  i32.lt_s
                  if ;; label = @8
                    global.get 20
                    local.get 13
                    i32.store 1
                  end
                  local.get 12
                  global.set 20
                  local.get 12
                  i32.const 4
                  i32.add
                  local.tee 12
                  global.set 15
                  i32.const 1
                  local.tee 13
                  global.set 19
                end
                local.get 13
                i32.const 1
                i32.shl
                i32.or
                local.tee 13
                global.set 19
                local.get 10
                i32.eqz
                if ;; label = @7
                  local.get 12
                  local.get 4
                  i32.store 1
                  local.get 12
                  i32.const 4
                  i32.add
                  local.tee 12
                  global.set 15
                end
                global.get 458
                global.set 459
                local.get 9
                global.set 458
                local.get 4
                global.set 457
                local.get 4
                local.get 5
                i32.store offset=4
                i32.const 0
                global.set 4
                local.get 0
                i32.const 20
                i32.add
                call 13
                global.get 14
                local.set 11
                global.get 15
                local.set 12
                global.get 19
                local.set 13
                local.get 12
                i32.const 1048576
                i32.gt_u
                if ;; label = @7
                  local.get 12
                  call 6
                  i32.const 0
                  global.set 15
                  global.get 14
                  local.set 11
                  global.get 15
                  local.set 12
                  global.get 19
                  local.set 13
                end
                local.get 11
                i64.const 2
                i64.sub
                local.tee 11
                global.set 14
                local.get 11
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 319
                  call 4
                end
                global.get 4
                global.get 16
                i32.const 1
                i32.sub
                global.set 16
                return
              end
              local.get 11
              i64.const 6
              i64.sub
              local.tee 11
              global.set 14
              local.get 11
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 320
                call 4
              end
              local.get 0
              local.set 4
              local.get 4
              global.get 460
              i32.sub
              local.tee 9
              global.get 462
              i32.eq
              local.tee 10
              local.get 13
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 13
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 13
                  i32.store 1
                end
                local.get 12
                global.set 20
                local.get 12
                i32.const 4
                i32.add
                local.tee 12
                global.set 15
                i32.const 1
                local.tee 13
                global.set 19
              end
              local.get 13
              i32.const 1
              i32.shl
              i32.or
              local.tee 13
              global.set 19
              local.get 10
              i32.eqz
              if ;; label = @6
                local.get 12
                local.get 4
                i32.store 1
                local.get 12
                i32.const 4
                i32.add
                local.tee 12
                global.set 15
              end
              global.get 461
              global.set 462
              local.get 9
              global.set 461
              local.get 4
              global.set 460
              local.get 4
              i32.load offset=4
              i32.const -4
              i32.and
              local.set 0
              br 1 (;@4;)
            end
            local.get 11
            i64.const 1
            i64.sub
            local.tee 11
            global.set 14
            local.get 11
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 321
              call 4
            end
          end
          local.get 11
          i64.const 3
          i64.sub
          local.tee 11
          global.set 14
          local.get 11
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 322
            call 4
          end
          i32.const 0
          global.set 4
          call 19
          global.get 14
          local.set 11
          global.get 15
          local.set 12
          global.get 19
          local.set 13
          local.get 12
          i32.const 1048576
          i32.gt_u
          if ;; label = @4
            local.get 12
            call 6
            i32.const 0
            global.set 15
            global.get 14
            local.set 11
            global.get 15
            local.set 12
            global.get 19
            local.set 13
          end
          local.get 11
          i64.const 7
          i64.sub
          local.tee 11
          global.set 14
          local.get 11
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 323
            call 4
          end
          global.get 7
          global.get 6
          local.set 4
          local.get 4
          global.get 463
          i32.sub
          local.tee 9
          global.get 465
          i32.eq
          local.tee 10
          local.get 13
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 13
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 13
              i32.store 1
            end
            local.get 12
            global.set 20
            local.get 12
            i32.const 4
            i32.add
            local.tee 12
            global.set 15
            i32.const 1
            local.tee 13
            global.set 19
          end
          local.get 13
          i32.const 1
          i32.shl
          i32.or
          local.tee 13
          global.set 19
          local.get 10
          i32.eqz
          if ;; label = @4
            local.get 12
            local.get 4
            i32.store 1
            local.get 12
            i32.const 4
            i32.add
            local.tee 12
            global.set 15
          end
          global.get 464
          global.set 465
          local.get 9
          global.set 464
          local.get 4
          global.set 463
          local.get 4
          i32.load offset=4
          i32.const -4
          i32.and
          i32.eq
          local.tee 5
          i32.const 0
          i32.ne
          local.get 13
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 13
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 13
              i32.store 1
            end
            local.get 12
            global.set 20
            local.get 12
            i32.const 4
            i32.add
            local.tee 12
            global.set 15
            i32.const 1
            local.tee 13
            global.set 19
          end
          local.get 13
          i32.const 1
          i32.shl
          i32.or
          local.tee 13
          global.set 19
          local.get 5
          if ;; label = @4
            local.get 11
            i64.const 3
            i64.sub
            local.tee 11
            global.set 14
            local.get 11
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 324
              call 4
            end
            global.get 12
            local.set 0
            loop ;; label = @5
              local.get 12
              i32.const 1048576
              i32.gt_u
              if ;; label = @6
                local.get 12
                call 6
                i32.const 0
                global.set 15
                global.get 14
                local.set 11
                global.get 15
                local.set 12
                global.get 19
                local.set 13
              end
              local.get 11
              i64.const 4
              i64.sub
              local.tee 11
              global.set 14
              local.get 11
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 325
                call 4
              end
              local.get 0
              i32.const 34848
              i32.lt_u
              local.tee 5
              i32.const 0
              i32.ne
              local.get 13
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 13
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 13
                  i32.store 1
                end
                local.get 12
                global.set 20
                local.get 12
                i32.const 4
                i32.add
                local.tee 12
                global.set 15
                i32.const 1
                local.tee 13
                global.set 19
              end
              local.get 13
              i32.const 1
              i32.shl
              i32.or
              local.tee 13
              global.set 19
              local.get 5
              if ;; label = @6
                local.get 11
                i64.const 3
                i64.sub
                local.tee 11
                global.set 14
                local.get 11
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 326
                  call 4
                end
                local.get 0
                local.set 4
                local.get 4
                global.get 466
                i32.sub
                local.tee 9
                global.get 468
                i32.eq
                local.tee 10
                local.get 13
                i32.const 2
                i32.lt_s
                if ;; label = @7
                  local.get 13
                  i32.const 0
                  i32.lt_s
                  if ;; label = @8
                    global.get 20
                    local.get 13
                    i32.store 1
                  end
                  local.get 12
                  global.set 20
                  local.get 12
                  i32.const 4
                  i32.add
                  local.tee 12
                  global.set 15
                  i32.const 1
                  local.tee 13
                  global.set 19
                end
                local.get 13
                i32.const 1
                i32.shl
                i32.or
                local.tee 13
                global.set 19
                local.get 10
                i32.eqz
                if ;; label = @7
                  local.get 12
                  local.get 4
                  i32.store 1
                  local.get 12
                  i32.const 4
                  i32.add
                  local.tee 12
                  global.set 15
                end
                global.get 467
                global.set 468
                local.get 9
                global.set 467
                local.get 4
                global.set 466
                local.get 4
                i32.load
                call 7
                global.get 14
                local.set 11
                global.get 15
                local.set 12
                global.get 19
                local.set 13
                local.get 12
                i32.const 1048576
                i32.gt_u
                if ;; label = @7
                  local.get 12
                  call 6
                  i32.const 0
                  global.set 15
                  global.get 14
                  local.set 11
                  global.get 15
                  local.set 12
                  global.get 19
                  local.set 13
                end
                local.get 11
                i64.const 5
                i64.sub
                local.tee 11
                global.set 14
                local.get 11
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 327
                  call 4
                end
                local.get 0
                i32.const 4
                i32.add
                local.set 0
                br 1 (;@5;)
              end
              local.get 11
              i64.const 1
              i64.sub
              local.tee 11
              global.set 14
              local.get 11
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 328
                call 4
              end
            end
            local.get 11
            i64.const 6
            i64.sub
            local.tee 11
            global.set 14
            local.get 11
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 329
              call 4
            end
            global.get 6
            local.set 4
            local.get 4
            global.get 469
            i32.sub
            local.tee 9
            global.get 471
            i32.eq
            local.tee 10
            local.get 13
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 13
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 13
                i32.store 1
              end
              local.get 12
              global.set 20
              local.get 12
              i32.const 4
              i32.add
              local.tee 12
              global.set 15
              i32.const 1
              local.tee 13
              global.set 19
            end
            local.get 13
            i32.const 1
            i32.shl
            i32.or
            local.tee 13
            global.set 19
            local.get 10
            i32.eqz
            if ;; label = @5
              local.get 12
              local.get 4
              i32.store 1
              local.get 12
              i32.const 4
              i32.add
              local.tee 12
              global.set 15
            end
            global.get 470
            global.set 471
            local.get 9
            global.set 470
            local.get 4
            global.set 469
            local.get 4
            i32.load offset=4
            i32.const -4
            i32.and
            local.set 0
            loop ;; label = @5
              local.get 12
              i32.const 1048576
              i32.gt_u
              if ;; label = @6
                local.get 12
                call 6
                i32.const 0
                global.set 15
                global.get 14
                local.set 11
                global.get 15
                local.set 12
                global.get 19
                local.set 13
              end
              local.get 11
              i64.const 4
              i64.sub
              local.tee 11
              global.set 14
              local.get 11
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 330
                call 4
              end
              local.get 0
              global.get 7
              i32.ne
              local.tee 5
              i32.const 0
              i32.ne
              local.get 13
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 13
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 13
                  i32.store 1
                end
                local.get 12
                global.set 20
                local.get 12
                i32.const 4
                i32.add
                local.tee 12
                global.set 15
                i32.const 1
                local.tee 13
                global.set 19
              end
              local.get 13
              i32.const 1
              i32.shl
              i32.or
              local.tee 13
              global.set 19
              local.get 5
              if ;; label = @6
                local.get 11
                i64.const 8
                i64.sub
                local.tee 11
                global.set 14
                local.get 11
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 331
                  call 4
                end
                local.get 1
                local.get 0
                local.set 4
                local.get 4
                global.get 472
                i32.sub
                local.tee 9
                global.get 474
                i32.eq
                local.tee 10
                local.get 13
                i32.const 2
                i32.lt_s
                if ;; label = @7
                  local.get 13
                  i32.const 0
                  i32.lt_s
                  if ;; label = @8
                    global.get 20
                    local.get 13
                    i32.store 1
                  end
                  local.get 12
                  global.set 20
                  local.get 12
                  i32.const 4
                  i32.add
                  local.tee 12
                  global.set 15
                  i32.const 1
                  local.tee 13
                  global.set 19
                end
                local.get 13
                i32.const 1
                i32.shl
                i32.or
                local.tee 13
                global.set 19
                local.get 10
                i32.eqz
                if ;; label = @7
                  local.get 12
                  local.get 4
                  i32.store 1
                  local.get 12
                  i32.const 4
                  i32.add
                  local.tee 12
                  global.set 15
                end
                global.get 473
                global.set 474
                local.get 9
                global.set 473
                local.get 4
                global.set 472
                local.get 4
                i32.load offset=4
                local.tee 2
                i32.const 3
                i32.and
                i32.ne
                local.tee 5
                i32.const 0
                i32.ne
                local.get 13
                i32.const 2
                i32.lt_s
                if ;; label = @7
                  local.get 13
                  i32.const 0
                  i32.lt_s
                  if ;; label = @8
                    global.get 20
                    local.get 13
                    i32.store 1
                  end
                  local.get 12
                  global.set 20
                  local.get 12
                  i32.const 4
                  i32.add
                  local.tee 12
                  global.set 15
                  i32.const 1
                  local.tee 13
                  global.set 19
                end
                local.get 13
                i32.const 1
                i32.shl
                i32.or
                local.tee 13
                global.set 19
                local.get 5
                if ;; label = @7
                  local.get 11
                  i64.const 11
                  i64.sub
                  local.tee 11
                  global.set 14
                  local.get 11
                  i64.const 0
                  i64.lt_s
                  if ;; label = @8
                    i32.const 332
                    call 4
                  end
                  local.get 0
                  local.get 2
                  i32.const -4
                  i32.and
                  local.get 1
                  i32.or
                  local.set 5
                  local.set 4
                  local.get 4
                  global.get 475
                  i32.sub
                  local.tee 9
                  global.get 477
                  i32.eq
                  local.tee 10
                  local.get 13
                  i32.const 2
                  i32.lt_s
                  if ;; label = @8
                    local.get 13
                    i32.const 0
                    i32.lt_s
                    if ;; label = @9
                      global.get 20
                      local.get 13
                      i32.store 1
                    end
                    local.get 12
                    global.set 20
                    local.get 12
                    i32.const 4
                    i32.add
                    local.tee 12
                    global.set 15
                    i32.const 1
                    local.tee 13
                    global.set 19
                  end
                  local.get 13
                  i32.const 1
                  i32.shl
                  i32.or
                  local.tee 13
                  global.set 19
                  local.get 10
                  i32.eqz
                  if ;; label = @8
                    local.get 12
                    local.get 4
                    i32.store 1
                    local.get 12
                    i32.const 4
                    i32.add
                    local.tee 12
                    global.set 15
                  end
                  global.get 476
                  global.set 477
                  local.get 9
                  global.set 476
                  local.get 4
                  global.set 475
                  local.get 4
                  local.get 5
                  i32.store offset=4
                  local.get 0
                  i32.const 20
                  i32.add
                  call 13
                  global.get 14
                  local.set 11
                  global.get 15
                  local.set 12
                  global.get 19
                  local.set 13
                  local.get 12
                  i32.const 1048576
                  i32.gt_u
                  if ;; label = @8
                    local.get 12
                    call 6
                    i32.const 0
                    global.set 15
                    global.get 14
                    local.set 11
                    global.get 15
                    local.set 12
                    global.get 19
                    local.set 13
                  end
                  local.get 11
                  i64.const 1
                  i64.sub
                  local.tee 11
                  global.set 14
                  local.get 11
                  i64.const 0
                  i64.lt_s
                  if ;; label = @8
                    i32.const 333
                    call 4
                  end
                end
                local.get 11
                i64.const 6
                i64.sub
                local.tee 11
                global.set 14
                local.get 11
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 334
                  call 4
                end
                local.get 0
                local.set 4
                local.get 4
                global.get 478
                i32.sub
                local.tee 9
                global.get 480
                i32.eq
                local.tee 10
                local.get 13
                i32.const 2
                i32.lt_s
                if ;; label = @7
                  local.get 13
                  i32.const 0
                  i32.lt_s
                  if ;; label = @8
                    global.get 20
                    local.get 13
                    i32.store 1
                  end
                  local.get 12
                  global.set 20
                  local.get 12
                  i32.const 4
                  i32.add
                  local.tee 12
                  global.set 15
                  i32.const 1
                  local.tee 13
                  global.set 19
                end
                local.get 13
                i32.const 1
                i32.shl
                i32.or
                local.tee 13
                global.set 19
                local.get 10
                i32.eqz
                if ;; label = @7
                  local.get 12
                  local.get 4
                  i32.store 1
                  local.get 12
                  i32.const 4
                  i32.add
                  local.tee 12
                  global.set 15
                end
                global.get 479
                global.set 480
                local.get 9
                global.set 479
                local.get 4
                global.set 478
                local.get 4
                i32.load offset=4
                i32.const -4
                i32.and
                local.set 0
                br 1 (;@5;)
              end
              local.get 11
              i64.const 1
              i64.sub
              local.tee 11
              global.set 14
              local.get 11
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 335
                call 4
              end
            end
            local.get 11
            i64.const 16
            i64.sub
            local.tee 11
            global.set 14
            local.get 11
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 336
              call 4
            end
            global.get 9
            local.set 0
            global.get 7
            global.set 9
            local.get 0
            global.set 7
            local.get 1
            global.set 8
            local.get 0
            local.set 4
            local.get 4
            global.get 481
            i32.sub
            local.tee 9
            global.get 483
            i32.eq
            local.tee 10
            local.get 13
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 13
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 13
                i32.store 1
              end
              local.get 12
              global.set 20
              local.get 12
              i32.const 4
              i32.add
              local.tee 12
              global.set 15
              i32.const 1
              local.tee 13
              global.set 19
            end
            local.get 13
            i32.const 1
            i32.shl
            i32.or
            local.tee 13
            global.set 19
            local.get 10
            i32.eqz
            if ;; label = @5
              local.get 12
              local.get 4
              i32.store 1
              local.get 12
              i32.const 4
              i32.add
              local.tee 12
              global.set 15
            end
            global.get 482
            global.set 483
            local.get 9
            global.set 482
            local.get 4
            global.set 481
            local.get 4
            i32.load offset=4
            i32.const -4
            i32.and
            global.set 6
            i32.const 2
            global.set 3
          end
          local.get 11
          i64.const 2
          i64.sub
          local.tee 11
          global.set 14
          local.get 11
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 337
            call 4
          end
          global.get 4
          global.get 16
          i32.const 1
          i32.sub
          global.set 16
          return
        end
        local.get 11
        i64.const 5
        i64.sub
        local.tee 11
        global.set 14
        local.get 11
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 338
          call 4
        end
        global.get 6
        local.tee 0
        global.get 7
        i32.ne
        local.tee 5
        i32.const 0
        i32.ne
        local.get 13
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 13
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 13
            i32.store 1
          end
          local.get 12
          global.set 20
          local.get 12
          i32.const 4
          i32.add
          local.tee 12
          global.set 15
          i32.const 1
          local.tee 13
          global.set 19
        end
        local.get 13
        i32.const 1
        i32.shl
        i32.or
        local.tee 13
        global.set 19
        local.get 5
        if ;; label = @3
          local.get 11
          i64.const 13
          i64.sub
          local.tee 11
          global.set 14
          local.get 11
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 339
            call 4
          end
          local.get 0
          local.set 4
          local.get 4
          global.get 484
          i32.sub
          local.tee 9
          global.get 486
          i32.eq
          local.tee 10
          local.get 13
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 13
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 13
              i32.store 1
            end
            local.get 12
            global.set 20
            local.get 12
            i32.const 4
            i32.add
            local.tee 12
            global.set 15
            i32.const 1
            local.tee 13
            global.set 19
          end
          local.get 13
          i32.const 1
          i32.shl
          i32.or
          local.tee 13
          global.set 19
          local.get 10
          i32.eqz
          if ;; label = @4
            local.get 12
            local.get 4
            i32.store 1
            local.get 12
            i32.const 4
            i32.add
            local.tee 12
            global.set 15
          end
          global.get 485
          global.set 486
          local.get 9
          global.set 485
          local.get 4
          global.set 484
          local.get 4
          i32.load offset=4
          local.tee 1
          i32.const -4
          i32.and
          global.set 6
          global.get 8
          i32.eqz
          local.get 1
          i32.const 3
          i32.and
          i32.ne
          local.tee 5
          i32.const 0
          i32.ne
          local.get 13
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 13
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 13
              i32.store 1
            end
            local.get 12
            global.set 20
            local.get 12
            i32.const 4
            i32.add
            local.tee 12
            global.set 15
            i32.const 1
            local.tee 13
            global.set 19
          end
          local.get 13
          i32.const 1
          i32.shl
          i32.or
          local.tee 13
          global.set 19
          local.get 5
          if ;; label = @4
            local.get 11
            i64.const 5
            i64.sub
            local.tee 11
            global.set 14
            local.get 11
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 340
              call 4
            end
            i32.const 0
            i32.const 1120
            i32.const 229
            i32.const 20
            call 0
            global.get 14
            local.set 11
            global.get 15
            local.set 12
            global.get 19
            local.set 13
            local.get 12
            i32.const 1048576
            i32.gt_u
            if ;; label = @5
              local.get 12
              call 6
              i32.const 0
              global.set 15
              global.get 14
              local.set 11
              global.get 15
              local.set 12
              global.get 19
              local.set 13
            end
            local.get 11
            i64.const 1
            i64.sub
            local.tee 11
            global.set 14
            local.get 11
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 341
              call 4
            end
            unreachable
          end
          local.get 11
          i64.const 4
          i64.sub
          local.tee 11
          global.set 14
          local.get 11
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 342
            call 4
          end
          local.get 0
          i32.const 34848
          i32.lt_u
          local.tee 5
          i32.const 0
          i32.ne
          local.get 13
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 13
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 13
              i32.store 1
            end
            local.get 12
            global.set 20
            local.get 12
            i32.const 4
            i32.add
            local.tee 12
            global.set 15
            i32.const 1
            local.tee 13
            global.set 19
          end
          local.get 13
          i32.const 1
          i32.shl
          i32.or
          local.tee 13
          global.set 19
          local.get 5
          if ;; label = @4
            local.get 11
            i64.const 7
            i64.sub
            local.tee 11
            global.set 14
            local.get 11
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 343
              call 4
            end
            local.get 0
            i32.const 0
            local.set 5
            local.set 4
            local.get 4
            global.get 487
            i32.sub
            local.tee 9
            global.get 489
            i32.eq
            local.tee 10
            local.get 13
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 13
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 13
                i32.store 1
              end
              local.get 12
              global.set 20
              local.get 12
              i32.const 4
              i32.add
              local.tee 12
              global.set 15
              i32.const 1
              local.tee 13
              global.set 19
            end
            local.get 13
            i32.const 1
            i32.shl
            i32.or
            local.tee 13
            global.set 19
            local.get 10
            i32.eqz
            if ;; label = @5
              local.get 12
              local.get 4
              i32.store 1
              local.get 12
              i32.const 4
              i32.add
              local.tee 12
              global.set 15
            end
            global.get 488
            global.set 489
            local.get 9
            global.set 488
            local.get 4
            global.set 487
            local.get 4
            local.get 5
            i32.store offset=4
            local.get 0
            i32.const 0
            i32.store offset=8
          else
            local.get 11
            i64.const 16
            i64.sub
            local.tee 11
            global.set 14
            local.get 11
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 344
              call 4
            end
            global.get 1
            local.get 0
            local.set 4
            local.get 4
            global.get 490
            i32.sub
            local.tee 9
            global.get 492
            i32.eq
            local.tee 10
            local.get 13
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 13
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 13
                i32.store 1
              end
              local.get 12
              global.set 20
              local.get 12
              i32.const 4
              i32.add
              local.tee 12
              global.set 15
              i32.const 1
              local.tee 13
              global.set 19
            end
            local.get 13
            i32.const 1
            i32.shl
            i32.or
            local.tee 13
            global.set 19
            local.get 10
            i32.eqz
            if ;; label = @5
              local.get 12
              local.get 4
              i32.store 1
              local.get 12
              i32.const 4
              i32.add
              local.tee 12
              global.set 15
            end
            global.get 491
            global.set 492
            local.get 9
            global.set 491
            local.get 4
            global.set 490
            local.get 4
            i32.load
            i32.const -4
            i32.and
            i32.const 4
            i32.add
            i32.sub
            global.set 1
            local.get 0
            i32.const 4
            i32.add
            local.tee 0
            i32.const 34848
            i32.ge_u
            local.tee 5
            i32.const 0
            i32.ne
            local.get 13
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 13
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 13
                i32.store 1
              end
              local.get 12
              global.set 20
              local.get 12
              i32.const 4
              i32.add
              local.tee 12
              global.set 15
              i32.const 1
              local.tee 13
              global.set 19
            end
            local.get 13
            i32.const 1
            i32.shl
            i32.or
            local.tee 13
            global.set 19
            local.get 5
            if ;; label = @5
              local.get 11
              i64.const 3
              i64.sub
              local.tee 11
              global.set 14
              local.get 11
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 345
                call 4
              end
              global.get 10
              i32.eqz
              local.tee 5
              i32.const 0
              i32.ne
              local.get 13
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 13
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 13
                  i32.store 1
                end
                local.get 12
                global.set 20
                local.get 12
                i32.const 4
                i32.add
                local.tee 12
                global.set 15
                i32.const 1
                local.tee 13
                global.set 19
              end
              local.get 13
              i32.const 1
              i32.shl
              i32.or
              local.tee 13
              global.set 19
              local.get 5
              if ;; label = @6
                local.get 11
                i64.const 1
                i64.sub
                local.tee 11
                global.set 14
                local.get 11
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 346
                  call 4
                end
                call 17
                global.get 14
                local.set 11
                global.get 15
                local.set 12
                global.get 19
                local.set 13
                local.get 12
                i32.const 1048576
                i32.gt_u
                if ;; label = @7
                  local.get 12
                  call 6
                  i32.const 0
                  global.set 15
                  global.get 14
                  local.set 11
                  global.get 15
                  local.set 12
                  global.get 19
                  local.set 13
                end
                local.get 11
                i64.const 1
                i64.sub
                local.tee 11
                global.set 14
                local.get 11
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 347
                  call 4
                end
              end
              local.get 11
              i64.const 12
              i64.sub
              local.tee 11
              global.set 14
              local.get 11
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 348
                call 4
              end
              global.get 10
              local.get 0
              i32.const 4
              i32.sub
              local.set 2
              local.get 0
              i32.const 15
              i32.and
              i32.const 1
              local.get 0
              select
              local.tee 5
              i32.const 0
              i32.ne
              local.get 13
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 13
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 13
                  i32.store 1
                end
                local.get 12
                global.set 20
                local.get 12
                i32.const 4
                i32.add
                local.tee 12
                global.set 15
                i32.const 1
                local.tee 13
                global.set 19
              end
              local.get 13
              i32.const 1
              i32.shl
              i32.or
              local.tee 13
              global.set 19
              local.get 5
              if (result i32) ;; label = @6
                local.get 11
                i64.const 2
                i64.sub
                local.tee 11
                global.set 14
                local.get 11
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 349
                  call 4
                end
                i32.const 1
              else
                local.get 11
                i64.const 5
                i64.sub
                local.tee 11
                global.set 14
                local.get 11
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 350
                  call 4
                end
                local.get 2
                local.set 4
                local.get 4
                global.get 493
                i32.sub
                local.tee 9
                global.get 495
                i32.eq
                local.tee 10
                local.get 13
                i32.const 2
                i32.lt_s
                if ;; label = @7
                  local.get 13
                  i32.const 0
                  i32.lt_s
                  if ;; label = @8
                    global.get 20
                    local.get 13
                    i32.store 1
                  end
                  local.get 12
                  global.set 20
                  local.get 12
                  i32.const 4
                  i32.add
                  local.tee 12
                  global.set 15
                  i32.const 1
                  local.tee 13
                  global.set 19
                end
                local.get 13
                i32.const 1
                i32.shl
                i32.or
                local.tee 13
                global.set 19
                local.get 10
                i32.eqz
                if ;; label = @7
                  local.get 12
                  local.get 4
                  i32.store 1
                  local.get 12
                  i32.const 4
                  i32.add
                  local.tee 12
                  global.set 15
                end
                global.get 494
                global.set 495
                local.get 9
                global.set 494
                local.get 4
                global.set 493
                local.get 4
                i32.load
                i32.const 1
                i32.and
              end
              local.get 11
              i64.const 1
              i64.sub
              local.tee 11
              global.set 14
              local.get 11
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 351
                call 4
              end
              local.tee 5
              i32.const 0
              i32.ne
              local.get 13
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 13
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 13
                  i32.store 1
                end
                local.get 12
                global.set 20
                local.get 12
                i32.const 4
                i32.add
                local.tee 12
                global.set 15
                i32.const 1
                local.tee 13
                global.set 19
              end
              local.get 13
              i32.const 1
              i32.shl
              i32.or
              local.tee 13
              global.set 19
              local.get 5
              if ;; label = @6
                local.get 11
                i64.const 5
                i64.sub
                local.tee 11
                global.set 14
                local.get 11
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 352
                  call 4
                end
                i32.const 0
                i32.const 1392
                i32.const 562
                i32.const 3
                call 0
                global.get 14
                local.set 11
                global.get 15
                local.set 12
                global.get 19
                local.set 13
                local.get 12
                i32.const 1048576
                i32.gt_u
                if ;; label = @7
                  local.get 12
                  call 6
                  i32.const 0
                  global.set 15
                  global.get 14
                  local.set 11
                  global.get 15
                  local.set 12
                  global.get 19
                  local.set 13
                end
                local.get 11
                i64.const 1
                i64.sub
                local.tee 11
                global.set 14
                local.get 11
                i64.const 0
                i64.lt_s
                if ;; label = @7
                  i32.const 353
                  call 4
                end
                unreachable
              end
              local.get 11
              i64.const 8
              i64.sub
              local.tee 11
              global.set 14
              local.get 11
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 354
                call 4
              end
              local.get 2
              local.get 2
              local.set 4
              local.get 4
              global.get 496
              i32.sub
              local.tee 9
              global.get 498
              i32.eq
              local.tee 10
              local.get 13
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 13
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 13
                  i32.store 1
                end
                local.get 12
                global.set 20
                local.get 12
                i32.const 4
                i32.add
                local.tee 12
                global.set 15
                i32.const 1
                local.tee 13
                global.set 19
              end
              local.get 13
              i32.const 1
              i32.shl
              i32.or
              local.tee 13
              global.set 19
              local.get 10
              i32.eqz
              if ;; label = @6
                local.get 12
                local.get 4
                i32.store 1
                local.get 12
                i32.const 4
                i32.add
                local.tee 12
                global.set 15
              end
              global.get 497
              global.set 498
              local.get 9
              global.set 497
              local.get 4
              global.set 496
              local.get 4
              i32.load
              i32.const 1
              i32.or
              i32.store
              local.get 2
              call 11
              global.get 14
              local.set 11
              global.get 15
              local.set 12
              global.get 19
              local.set 13
              local.get 12
              i32.const 1048576
              i32.gt_u
              if ;; label = @6
                local.get 12
                call 6
                i32.const 0
                global.set 15
                global.get 14
                local.set 11
                global.get 15
                local.set 12
                global.get 19
                local.set 13
              end
              local.get 11
              i64.const 1
              i64.sub
              local.tee 11
              global.set 14
              local.get 11
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 355
                call 4
              end
            end
            local.get 11
            i64.const 1
            i64.sub
            local.tee 11
            global.set 14
            local.get 11
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 356
              call 4
            end
          end
          local.get 11
          i64.const 2
          i64.sub
          local.tee 11
          global.set 14
          local.get 11
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 357
            call 4
          end
          i32.const 10
          global.get 16
          i32.const 1
          i32.sub
          global.set 16
          return
        end
        local.get 11
        i64.const 9
        i64.sub
        local.tee 11
        global.set 14
        local.get 11
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 358
          call 4
        end
        global.get 7
        global.get 7
        local.set 5
        local.set 4
        local.get 4
        global.get 499
        i32.sub
        local.tee 9
        global.get 501
        i32.eq
        local.tee 10
        local.get 13
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 13
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 13
            i32.store 1
          end
          local.get 12
          global.set 20
          local.get 12
          i32.const 4
          i32.add
          local.tee 12
          global.set 15
          i32.const 1
          local.tee 13
          global.set 19
        end
        local.get 13
        i32.const 1
        i32.shl
        i32.or
        local.tee 13
        global.set 19
        local.get 10
        i32.eqz
        if ;; label = @3
          local.get 12
          local.get 4
          i32.store 1
          local.get 12
          i32.const 4
          i32.add
          local.tee 12
          global.set 15
        end
        global.get 500
        global.set 501
        local.get 9
        global.set 500
        local.get 4
        global.set 499
        local.get 4
        local.get 5
        i32.store offset=4
        global.get 7
        global.get 7
        i32.store offset=8
        i32.const 0
        global.set 3
      end
      local.get 11
      i64.const 2
      i64.sub
      local.tee 11
      global.set 14
      local.get 11
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 359
        call 4
      end
      i32.const 0
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;25;) (type 0) (param i32 i32)
    (local f64 i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 22
      call 5
    end
    global.get 14
    local.set 12
    global.get 15
    local.set 13
    global.get 19
    local.set 14
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 13
      i32.const 23
      i32.store 1
      local.get 13
      i32.const 4
      i32.add
      local.tee 13
      global.set 15
    end
    block ;; label = @1
      local.get 13
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 13
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
      end
      local.get 12
      i64.const 7
      i64.sub
      local.tee 12
      global.set 14
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 360
        call 4
      end
      local.get 0
      i32.const 8
      i32.sub
      local.set 5
      local.get 5
      global.get 502
      i32.sub
      local.tee 10
      global.get 504
      i32.eq
      local.tee 11
      local.get 14
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 14
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 14
          i32.store 1
        end
        local.get 13
        global.set 20
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
        i32.const 1
        local.tee 14
        global.set 19
      end
      local.get 14
      i32.const 1
      i32.shl
      i32.or
      local.tee 14
      global.set 19
      local.get 11
      i32.eqz
      if ;; label = @2
        local.get 13
        local.get 5
        i32.store 1
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
      end
      global.get 503
      global.set 504
      local.get 10
      global.set 503
      local.get 5
      global.set 502
      local.get 5
      i32.load
      i32.const 6
      i32.ne
      local.tee 6
      i32.const 0
      i32.ne
      local.get 14
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 14
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 14
          i32.store 1
        end
        local.get 13
        global.set 20
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
        i32.const 1
        local.tee 14
        global.set 19
      end
      local.get 14
      i32.const 1
      i32.shl
      i32.or
      local.tee 14
      global.set 19
      local.get 6
      if ;; label = @2
        local.get 12
        i64.const 1
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 361
          call 4
        end
        unreachable
      end
      local.get 12
      i64.const 9
      i64.sub
      local.tee 12
      global.set 14
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 362
        call 4
      end
      global.get 12
      i32.const 12
      i32.sub
      global.set 12
      block ;; label = @2
        global.get 12
        i32.const 2080
        i32.lt_s
        local.tee 6
        i32.const 0
        i32.ne
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 6
        br_if 0 (;@2;)
        local.get 12
        i64.const 21
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 363
          call 4
        end
        global.get 12
        i64.const 0
        local.set 7
        local.set 5
        local.get 5
        global.get 505
        i32.sub
        local.tee 10
        global.get 507
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 506
        global.set 507
        local.get 10
        global.set 506
        local.get 5
        global.set 505
        local.get 5
        local.get 7
        i64.store
        global.get 12
        i32.const 0
        i32.store offset=8
        global.get 12
        local.get 0
        i32.store offset=4
        global.get 12
        local.get 0
        local.set 5
        local.get 5
        global.get 508
        i32.sub
        local.tee 10
        global.get 510
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 509
        global.set 510
        local.get 10
        global.set 509
        local.get 5
        global.set 508
        local.get 5
        i32.load
        local.tee 3
        i32.store
        global.get 12
        local.get 1
        i32.store offset=4
        local.get 3
        local.get 1
        local.set 5
        local.get 5
        global.get 511
        i32.sub
        local.tee 10
        global.get 513
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 512
        global.set 513
        local.get 10
        global.set 512
        local.get 5
        global.set 511
        local.get 5
        f64.load offset=32
        call 22
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
        local.get 13
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 13
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
        end
        local.get 12
        i64.const 15
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 364
          call 4
        end
        global.get 12
        local.get 0
        local.set 6
        local.set 5
        local.get 5
        global.get 514
        i32.sub
        local.tee 10
        global.get 516
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 515
        global.set 516
        local.get 10
        global.set 515
        local.get 5
        global.set 514
        local.get 5
        local.get 6
        i32.store offset=4
        global.get 12
        local.get 0
        local.set 5
        local.get 5
        global.get 517
        i32.sub
        local.tee 10
        global.get 519
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 518
        global.set 519
        local.get 10
        global.set 518
        local.get 5
        global.set 517
        local.get 5
        i32.load offset=4
        local.tee 3
        i32.store
        global.get 12
        local.get 1
        i32.store offset=4
        local.get 3
        local.get 1
        local.set 5
        local.get 5
        global.get 520
        i32.sub
        local.tee 10
        global.get 522
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 521
        global.set 522
        local.get 10
        global.set 521
        local.get 5
        global.set 520
        local.get 5
        f64.load offset=32
        call 22
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
        local.get 13
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 13
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
        end
        local.get 12
        i64.const 11
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 365
          call 4
        end
        global.get 12
        local.get 0
        local.set 6
        local.set 5
        local.get 5
        global.get 523
        i32.sub
        local.tee 10
        global.get 525
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 524
        global.set 525
        local.get 10
        global.set 524
        local.get 5
        global.set 523
        local.get 5
        local.get 6
        i32.store offset=4
        global.get 12
        local.get 0
        local.set 5
        local.get 5
        global.get 526
        i32.sub
        local.tee 10
        global.get 528
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 527
        global.set 528
        local.get 10
        global.set 527
        local.get 5
        global.set 526
        local.get 5
        i32.load offset=4
        local.tee 1
        i32.store
        local.get 1
        local.set 5
        local.get 5
        global.get 529
        i32.sub
        local.tee 10
        global.get 531
        i32.eq
        local.tee 11
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 11
        i32.eqz
        if ;; label = @3
          local.get 13
          local.get 5
          i32.store 1
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
        end
        global.get 530
        global.set 531
        local.get 10
        global.set 530
        local.get 5
        global.set 529
        local.get 5
        i32.load8_u offset=16
        local.tee 6
        i32.const 0
        i32.ne
        local.get 14
        i32.const 2
        i32.lt_s
        if ;; label = @3
          local.get 14
          i32.const 0
          i32.lt_s
          if ;; label = @4
            global.get 20
            local.get 14
            i32.store 1
          end
          local.get 13
          global.set 20
          local.get 13
          i32.const 4
          i32.add
          local.tee 13
          global.set 15
          i32.const 1
          local.tee 14
          global.set 19
        end
        local.get 14
        i32.const 1
        i32.shl
        i32.or
        local.tee 14
        global.set 19
        local.get 6
        if ;; label = @3
          local.get 12
          i64.const 24
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 366
            call 4
          end
          global.get 12
          local.get 0
          local.set 6
          local.set 5
          local.get 5
          global.get 532
          i32.sub
          local.tee 10
          global.get 534
          i32.eq
          local.tee 11
          local.get 14
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 14
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 14
              i32.store 1
            end
            local.get 13
            global.set 20
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
            i32.const 1
            local.tee 14
            global.set 19
          end
          local.get 14
          i32.const 1
          i32.shl
          i32.or
          local.tee 14
          global.set 19
          local.get 11
          i32.eqz
          if ;; label = @4
            local.get 13
            local.get 5
            i32.store 1
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
          end
          global.get 533
          global.set 534
          local.get 10
          global.set 533
          local.get 5
          global.set 532
          local.get 5
          local.get 6
          i32.store offset=8
          global.get 12
          local.get 0
          local.set 5
          local.get 5
          global.get 535
          i32.sub
          local.tee 10
          global.get 537
          i32.eq
          local.tee 11
          local.get 14
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 14
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 14
              i32.store 1
            end
            local.get 13
            global.set 20
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
            i32.const 1
            local.tee 14
            global.set 19
          end
          local.get 14
          i32.const 1
          i32.shl
          i32.or
          local.tee 14
          global.set 19
          local.get 11
          i32.eqz
          if ;; label = @4
            local.get 13
            local.get 5
            i32.store 1
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
          end
          global.get 536
          global.set 537
          local.get 10
          global.set 536
          local.get 5
          global.set 535
          local.get 5
          i32.load
          local.tee 1
          i32.store
          global.get 12
          local.get 0
          i32.store offset=8
          global.get 12
          local.get 0
          i32.load offset=4
          local.tee 3
          i32.store offset=4
          global.get 12
          i32.const 4
          i32.sub
          global.set 12
          global.get 12
          i32.const 2080
          i32.lt_s
          local.tee 6
          i32.const 0
          i32.ne
          local.get 14
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 14
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 14
              i32.store 1
            end
            local.get 13
            global.set 20
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
            i32.const 1
            local.tee 14
            global.set 19
          end
          local.get 14
          i32.const 1
          i32.shl
          i32.or
          local.tee 14
          global.set 19
          local.get 6
          br_if 1 (;@2;)
          local.get 12
          i64.const 15
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 367
            call 4
          end
          global.get 12
          i32.const 0
          local.set 6
          local.set 5
          local.get 5
          global.get 538
          i32.sub
          local.tee 10
          global.get 540
          i32.eq
          local.tee 11
          local.get 14
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 14
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 14
              i32.store 1
            end
            local.get 13
            global.set 20
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
            i32.const 1
            local.tee 14
            global.set 19
          end
          local.get 14
          i32.const 1
          i32.shl
          i32.or
          local.tee 14
          global.set 19
          local.get 11
          i32.eqz
          if ;; label = @4
            local.get 13
            local.get 5
            i32.store 1
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
          end
          global.get 539
          global.set 540
          local.get 10
          global.set 539
          local.get 5
          global.set 538
          local.get 5
          local.get 6
          i32.store
          global.get 12
          local.get 1
          i32.store
          local.get 1
          local.set 5
          local.get 5
          global.get 541
          i32.sub
          local.tee 10
          global.get 543
          i32.eq
          local.tee 11
          local.get 14
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 14
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 14
              i32.store 1
            end
            local.get 13
            global.set 20
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
            i32.const 1
            local.tee 14
            global.set 19
          end
          local.get 14
          i32.const 1
          i32.shl
          i32.or
          local.tee 14
          global.set 19
          local.get 11
          i32.eqz
          if ;; label = @4
            local.get 13
            local.get 5
            i32.store 1
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
          end
          global.get 542
          global.set 543
          local.get 10
          global.set 542
          local.get 5
          global.set 541
          local.get 5
          f64.load offset=8
          global.get 12
          local.get 3
          i32.store
          local.get 3
          local.set 5
          local.get 5
          global.get 544
          i32.sub
          local.tee 10
          global.get 546
          i32.eq
          local.tee 11
          local.get 14
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 14
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 14
              i32.store 1
            end
            local.get 13
            global.set 20
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
            i32.const 1
            local.tee 14
            global.set 19
          end
          local.get 14
          i32.const 1
          i32.shl
          i32.or
          local.tee 14
          global.set 19
          local.get 11
          i32.eqz
          if ;; label = @4
            local.get 13
            local.get 5
            i32.store 1
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
          end
          global.get 545
          global.set 546
          local.get 10
          global.set 545
          local.get 5
          global.set 544
          local.get 5
          f64.load offset=8
          f64.lt
          local.tee 6
          i32.const 0
          i32.ne
          local.get 14
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 14
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 14
              i32.store 1
            end
            local.get 13
            global.set 20
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
            i32.const 1
            local.tee 14
            global.set 19
          end
          local.get 14
          i32.const 1
          i32.shl
          i32.or
          local.tee 14
          global.set 19
          local.get 6
          if (result i32) ;; label = @4
            local.get 12
            i64.const 12
            i64.sub
            local.tee 12
            global.set 14
            local.get 12
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 368
              call 4
            end
            global.get 12
            local.get 1
            local.set 6
            local.set 5
            local.get 5
            global.get 547
            i32.sub
            local.tee 10
            global.get 549
            i32.eq
            local.tee 11
            local.get 14
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 14
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 14
                i32.store 1
              end
              local.get 13
              global.set 20
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
              i32.const 1
              local.tee 14
              global.set 19
            end
            local.get 14
            i32.const 1
            i32.shl
            i32.or
            local.tee 14
            global.set 19
            local.get 11
            i32.eqz
            if ;; label = @5
              local.get 13
              local.get 5
              i32.store 1
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
            end
            global.get 548
            global.set 549
            local.get 10
            global.set 548
            local.get 5
            global.set 547
            local.get 5
            local.get 6
            i32.store
            local.get 1
            local.set 5
            local.get 5
            global.get 550
            i32.sub
            local.tee 10
            global.get 552
            i32.eq
            local.tee 11
            local.get 14
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 14
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 14
                i32.store 1
              end
              local.get 13
              global.set 20
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
              i32.const 1
              local.tee 14
              global.set 19
            end
            local.get 14
            i32.const 1
            i32.shl
            i32.or
            local.tee 14
            global.set 19
            local.get 11
            i32.eqz
            if ;; label = @5
              local.get 13
              local.get 5
              i32.store 1
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
            end
            global.get 551
            global.set 552
            local.get 10
            global.set 551
            local.get 5
            global.set 550
            local.get 5
            f64.load
            global.get 12
            local.get 3
            i32.store
            local.get 3
            local.set 5
            local.get 5
            global.get 553
            i32.sub
            local.tee 10
            global.get 555
            i32.eq
            local.tee 11
            local.get 14
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 14
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 14
                i32.store 1
              end
              local.get 13
              global.set 20
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
              i32.const 1
              local.tee 14
              global.set 19
            end
            local.get 14
            i32.const 1
            i32.shl
            i32.or
            local.tee 14
            global.set 19
            local.get 11
            i32.eqz
            if ;; label = @5
              local.get 13
              local.get 5
              i32.store 1
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
            end
            global.get 554
            global.set 555
            local.get 10
            global.set 554
            local.get 5
            global.set 553
            local.get 5
            f64.load
            f64.gt
          else
            local.get 12
            i64.const 2
            i64.sub
            local.tee 12
            global.set 14
            local.get 12
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 369
              call 4
            end
            i32.const 0
          end
          local.get 12
          i64.const 5
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 370
            call 4
          end
          global.get 12
          i32.const 4
          i32.add
          global.set 12
          local.tee 6
          i32.const 0
          i32.ne
          local.get 14
          i32.const 2
          i32.lt_s
          if ;; label = @4
            local.get 14
            i32.const 0
            i32.lt_s
            if ;; label = @5
              global.get 20
              local.get 14
              i32.store 1
            end
            local.get 13
            global.set 20
            local.get 13
            i32.const 4
            i32.add
            local.tee 13
            global.set 15
            i32.const 1
            local.tee 14
            global.set 19
          end
          local.get 14
          i32.const 1
          i32.shl
          i32.or
          local.tee 14
          global.set 19
          local.get 6
          if ;; label = @4
            local.get 12
            i64.const 6
            i64.sub
            local.tee 12
            global.set 14
            local.get 12
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 371
              call 4
            end
            global.get 12
            local.get 0
            local.set 6
            local.set 5
            local.get 5
            global.get 556
            i32.sub
            local.tee 10
            global.get 558
            i32.eq
            local.tee 11
            local.get 14
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 14
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 14
                i32.store 1
              end
              local.get 13
              global.set 20
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
              i32.const 1
              local.tee 14
              global.set 19
            end
            local.get 14
            i32.const 1
            i32.shl
            i32.or
            local.tee 14
            global.set 19
            local.get 11
            i32.eqz
            if ;; label = @5
              local.get 13
              local.get 5
              i32.store 1
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
            end
            global.get 557
            global.set 558
            local.get 10
            global.set 557
            local.get 5
            global.set 556
            local.get 5
            local.get 6
            i32.store
            i32.const 1
            f64.const 0x0p+0 (;=0;)
            call 1
            global.get 14
            local.set 12
            global.get 15
            local.set 13
            global.get 19
            local.set 14
            local.get 13
            i32.const 1048576
            i32.gt_u
            if ;; label = @5
              local.get 13
              call 6
              i32.const 0
              global.set 15
              global.get 14
              local.set 12
              global.get 15
              local.set 13
              global.get 19
              local.set 14
            end
            local.get 12
            i64.const 1
            i64.sub
            local.tee 12
            global.set 14
            local.get 12
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 372
              call 4
            end
          else
            local.get 12
            i64.const 24
            i64.sub
            local.tee 12
            global.set 14
            local.get 12
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 373
              call 4
            end
            global.get 12
            local.get 0
            local.set 6
            local.set 5
            local.get 5
            global.get 559
            i32.sub
            local.tee 10
            global.get 561
            i32.eq
            local.tee 11
            local.get 14
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 14
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 14
                i32.store 1
              end
              local.get 13
              global.set 20
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
              i32.const 1
              local.tee 14
              global.set 19
            end
            local.get 14
            i32.const 1
            i32.shl
            i32.or
            local.tee 14
            global.set 19
            local.get 11
            i32.eqz
            if ;; label = @5
              local.get 13
              local.get 5
              i32.store 1
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
            end
            global.get 560
            global.set 561
            local.get 10
            global.set 560
            local.get 5
            global.set 559
            local.get 5
            local.get 6
            i32.store offset=8
            global.get 12
            local.get 0
            local.set 5
            local.get 5
            global.get 562
            i32.sub
            local.tee 10
            global.get 564
            i32.eq
            local.tee 11
            local.get 14
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 14
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 14
                i32.store 1
              end
              local.get 13
              global.set 20
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
              i32.const 1
              local.tee 14
              global.set 19
            end
            local.get 14
            i32.const 1
            i32.shl
            i32.or
            local.tee 14
            global.set 19
            local.get 11
            i32.eqz
            if ;; label = @5
              local.get 13
              local.get 5
              i32.store 1
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
            end
            global.get 563
            global.set 564
            local.get 10
            global.set 563
            local.get 5
            global.set 562
            local.get 5
            i32.load
            local.tee 1
            i32.store
            global.get 12
            local.get 0
            i32.store offset=8
            global.get 12
            local.get 0
            i32.load offset=4
            local.tee 3
            i32.store offset=4
            global.get 12
            i32.const 4
            i32.sub
            global.set 12
            global.get 12
            i32.const 2080
            i32.lt_s
            local.tee 6
            i32.const 0
            i32.ne
            local.get 14
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 14
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 14
                i32.store 1
              end
              local.get 13
              global.set 20
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
              i32.const 1
              local.tee 14
              global.set 19
            end
            local.get 14
            i32.const 1
            i32.shl
            i32.or
            local.tee 14
            global.set 19
            local.get 6
            br_if 2 (;@2;)
            local.get 12
            i64.const 15
            i64.sub
            local.tee 12
            global.set 14
            local.get 12
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 374
              call 4
            end
            global.get 12
            i32.const 0
            local.set 6
            local.set 5
            local.get 5
            global.get 565
            i32.sub
            local.tee 10
            global.get 567
            i32.eq
            local.tee 11
            local.get 14
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 14
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 14
                i32.store 1
              end
              local.get 13
              global.set 20
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
              i32.const 1
              local.tee 14
              global.set 19
            end
            local.get 14
            i32.const 1
            i32.shl
            i32.or
            local.tee 14
            global.set 19
            local.get 11
            i32.eqz
            if ;; label = @5
              local.get 13
              local.get 5
              i32.store 1
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
            end
            global.get 566
            global.set 567
            local.get 10
            global.set 566
            local.get 5
            global.set 565
            local.get 5
            local.get 6
            i32.store
            global.get 12
            local.get 1
            i32.store
            local.get 1
            local.set 5
            local.get 5
            global.get 568
            i32.sub
            local.tee 10
            global.get 570
            i32.eq
            local.tee 11
            local.get 14
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 14
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 14
                i32.store 1
              end
              local.get 13
              global.set 20
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
              i32.const 1
              local.tee 14
              global.set 19
            end
            local.get 14
            i32.const 1
            i32.shl
            i32.or
            local.tee 14
            global.set 19
            local.get 11
            i32.eqz
            if ;; label = @5
              local.get 13
              local.get 5
              i32.store 1
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
            end
            global.get 569
            global.set 570
            local.get 10
            global.set 569
            local.get 5
            global.set 568
            local.get 5
            f64.load offset=8
            global.get 12
            local.get 3
            i32.store
            local.get 3
            local.set 5
            local.get 5
            global.get 571
            i32.sub
            local.tee 10
            global.get 573
            i32.eq
            local.tee 11
            local.get 14
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 14
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 14
                i32.store 1
              end
              local.get 13
              global.set 20
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
              i32.const 1
              local.tee 14
              global.set 19
            end
            local.get 14
            i32.const 1
            i32.shl
            i32.or
            local.tee 14
            global.set 19
            local.get 11
            i32.eqz
            if ;; label = @5
              local.get 13
              local.get 5
              i32.store 1
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
            end
            global.get 572
            global.set 573
            local.get 10
            global.set 572
            local.get 5
            global.set 571
            local.get 5
            f64.load offset=8
            f64.gt
            local.tee 6
            i32.const 0
            i32.ne
            local.get 14
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 14
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 14
                i32.store 1
              end
              local.get 13
              global.set 20
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
              i32.const 1
              local.tee 14
              global.set 19
            end
            local.get 14
            i32.const 1
            i32.shl
            i32.or
            local.tee 14
            global.set 19
            local.get 6
            if (result i32) ;; label = @5
              local.get 12
              i64.const 12
              i64.sub
              local.tee 12
              global.set 14
              local.get 12
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 375
                call 4
              end
              global.get 12
              local.get 1
              local.set 6
              local.set 5
              local.get 5
              global.get 574
              i32.sub
              local.tee 10
              global.get 576
              i32.eq
              local.tee 11
              local.get 14
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 14
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 14
                  i32.store 1
                end
                local.get 13
                global.set 20
                local.get 13
                i32.const 4
                i32.add
                local.tee 13
                global.set 15
                i32.const 1
                local.tee 14
                global.set 19
              end
              local.get 14
              i32.const 1
              i32.shl
              i32.or
              local.tee 14
              global.set 19
              local.get 11
              i32.eqz
              if ;; label = @6
                local.get 13
                local.get 5
                i32.store 1
                local.get 13
                i32.const 4
                i32.add
                local.tee 13
                global.set 15
              end
              global.get 575
              global.set 576
              local.get 10
              global.set 575
              local.get 5
              global.set 574
              local.get 5
              local.get 6
              i32.store
              local.get 1
              local.set 5
              local.get 5
              global.get 577
              i32.sub
              local.tee 10
              global.get 579
              i32.eq
              local.tee 11
              local.get 14
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 14
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 14
                  i32.store 1
                end
                local.get 13
                global.set 20
                local.get 13
                i32.const 4
                i32.add
                local.tee 13
                global.set 15
                i32.const 1
                local.tee 14
                global.set 19
              end
              local.get 14
              i32.const 1
              i32.shl
              i32.or
              local.tee 14
              global.set 19
              local.get 11
              i32.eqz
              if ;; label = @6
                local.get 13
                local.get 5
                i32.store 1
                local.get 13
                i32.const 4
                i32.add
                local.tee 13
                global.set 15
              end
              global.get 578
              global.set 579
              local.get 10
              global.set 578
              local.get 5
              global.set 577
              local.get 5
              f64.load
              global.get 12
              local.get 3
              i32.store
              local.get 3
              local.set 5
              local.get 5
              global.get 580
              i32.sub
              local.tee 10
              global.get 582
              i32.eq
              local.tee 11
              local.get 14
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 14
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 14
                  i32.store 1
                end
                local.get 13
                global.set 20
                local.get 13
                i32.const 4
                i32.add
                local.tee 13
                global.set 15
                i32.const 1
                local.tee 14
                global.set 19
              end
              local.get 14
              i32.const 1
              i32.shl
              i32.or
              local.tee 14
              global.set 19
              local.get 11
              i32.eqz
              if ;; label = @6
                local.get 13
                local.get 5
                i32.store 1
                local.get 13
                i32.const 4
                i32.add
                local.tee 13
                global.set 15
              end
              global.get 581
              global.set 582
              local.get 10
              global.set 581
              local.get 5
              global.set 580
              local.get 5
              f64.load
              f64.lt
            else
              local.get 12
              i64.const 2
              i64.sub
              local.tee 12
              global.set 14
              local.get 12
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 376
                call 4
              end
              i32.const 0
            end
            local.get 12
            i64.const 5
            i64.sub
            local.tee 12
            global.set 14
            local.get 12
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 377
              call 4
            end
            global.get 12
            i32.const 4
            i32.add
            global.set 12
            local.tee 6
            i32.const 0
            i32.ne
            local.get 14
            i32.const 2
            i32.lt_s
            if ;; label = @5
              local.get 14
              i32.const 0
              i32.lt_s
              if ;; label = @6
                global.get 20
                local.get 14
                i32.store 1
              end
              local.get 13
              global.set 20
              local.get 13
              i32.const 4
              i32.add
              local.tee 13
              global.set 15
              i32.const 1
              local.tee 14
              global.set 19
            end
            local.get 14
            i32.const 1
            i32.shl
            i32.or
            local.tee 14
            global.set 19
            local.get 6
            if ;; label = @5
              local.get 12
              i64.const 6
              i64.sub
              local.tee 12
              global.set 14
              local.get 12
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 378
                call 4
              end
              global.get 12
              local.get 0
              local.set 6
              local.set 5
              local.get 5
              global.get 583
              i32.sub
              local.tee 10
              global.get 585
              i32.eq
              local.tee 11
              local.get 14
              i32.const 2
              i32.lt_s
              if ;; label = @6
                local.get 14
                i32.const 0
                i32.lt_s
                if ;; label = @7
                  global.get 20
                  local.get 14
                  i32.store 1
                end
                local.get 13
                global.set 20
                local.get 13
                i32.const 4
                i32.add
                local.tee 13
                global.set 15
                i32.const 1
                local.tee 14
                global.set 19
              end
              local.get 14
              i32.const 1
              i32.shl
              i32.or
              local.tee 14
              global.set 19
              local.get 11
              i32.eqz
              if ;; label = @6
                local.get 13
                local.get 5
                i32.store 1
                local.get 13
                i32.const 4
                i32.add
                local.tee 13
                global.set 15
              end
              global.get 584
              global.set 585
              local.get 10
              global.set 584
              local.get 5
              global.set 583
              local.get 5
              local.get 6
              i32.store
              i32.const 2
              f64.const 0x0p+0 (;=0;)
              call 1
              global.get 14
              local.set 12
              global.get 15
              local.set 13
              global.get 19
              local.set 14
              local.get 13
              i32.const 1048576
              i32.gt_u
              if ;; label = @6
                local.get 13
                call 6
                i32.const 0
                global.set 15
                global.get 14
                local.set 12
                global.get 15
                local.set 13
                global.get 19
                local.set 14
              end
              local.get 12
              i64.const 1
              i64.sub
              local.tee 12
              global.set 14
              local.get 12
              i64.const 0
              i64.lt_s
              if ;; label = @6
                i32.const 379
                call 4
              end
            end
            local.get 12
            i64.const 1
            i64.sub
            local.tee 12
            global.set 14
            local.get 12
            i64.const 0
            i64.lt_s
            if ;; label = @5
              i32.const 380
              call 4
            end
          end
          local.get 12
          i64.const 1
          i64.sub
          local.tee 12
          global.set 14
          local.get 12
          i64.const 0
          i64.lt_s
          if ;; label = @4
            i32.const 381
            call 4
          end
        end
        local.get 12
        i64.const 5
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 382
          call 4
        end
        global.get 12
        i32.const 12
        i32.add
        global.set 12
        global.get 16
        i32.const 1
        i32.sub
        global.set 16
        return
      end
      local.get 12
      i64.const 5
      i64.sub
      local.tee 12
      global.set 14
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 383
        call 4
      end
      i32.const 34880
      i32.const 34928
      i32.const 1
      i32.const 1
      call 0
      global.get 14
      local.set 12
      global.get 15
      local.set 13
      global.get 19
      local.set 14
      local.get 13
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 13
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
      end
      local.get 12
      i64.const 1
      i64.sub
      local.tee 12
      global.set 14
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 384
        call 4
      end
      unreachable
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
  )
  (func (;26;) (type 10) (param f64 f64 f64 f64)
    (local i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 23
      call 5
    end
    global.get 16
    i32.const 1
    i32.eq
    if ;; label = @1
      global.get 14
      i64.const 100000000
      i64.sub
      local.tee 8
      i64.const 0
      i64.gt_s
      if ;; label = @2
        local.get 8
        global.set 18
        i64.const 100000000
        global.set 14
      end
    end
    global.get 14
    local.set 13
    global.get 15
    local.set 14
    global.get 19
    local.set 15
    global.get 16
    i32.const 1
    i32.eq
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 14
      i32.const 24
      i32.store 1
      local.get 14
      i32.const 4
      i32.add
      local.tee 14
      global.set 15
    end
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 14
      i32.const 24
      i32.store 1
      local.get 14
      i32.const 4
      i32.add
      local.tee 14
      global.set 15
    end
    block ;; label = @1
      local.get 14
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 14
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 13
        global.get 15
        local.set 14
        global.get 19
        local.set 15
      end
      local.get 13
      i64.const 8
      i64.sub
      local.tee 13
      global.set 14
      local.get 13
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 385
        call 4
      end
      global.get 12
      i32.const 4
      i32.sub
      global.set 12
      global.get 12
      i32.const 2080
      i32.lt_s
      local.tee 7
      i32.const 0
      i32.ne
      local.get 15
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 15
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 15
          i32.store 1
        end
        local.get 14
        global.set 20
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
        i32.const 1
        local.tee 15
        global.set 19
      end
      local.get 15
      i32.const 1
      i32.shl
      i32.or
      local.tee 15
      global.set 19
      local.get 7
      if ;; label = @2
        local.get 13
        i64.const 5
        i64.sub
        local.tee 13
        global.set 14
        local.get 13
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 386
          call 4
        end
        i32.const 34880
        i32.const 34928
        i32.const 1
        i32.const 1
        call 0
        global.get 14
        local.set 13
        global.get 15
        local.set 14
        global.get 19
        local.set 15
        local.get 14
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 14
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 13
          global.get 15
          local.set 14
          global.get 19
          local.set 15
        end
        local.get 13
        i64.const 1
        i64.sub
        local.tee 13
        global.set 14
        local.get 13
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 387
          call 4
        end
        unreachable
      end
      local.get 13
      i64.const 4
      i64.sub
      local.tee 13
      global.set 14
      local.get 13
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 388
        call 4
      end
      global.get 12
      i32.const 0
      local.set 7
      local.set 6
      local.get 6
      global.get 586
      i32.sub
      local.tee 11
      global.get 588
      i32.eq
      local.tee 12
      local.get 15
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 15
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 15
          i32.store 1
        end
        local.get 14
        global.set 20
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
        i32.const 1
        local.tee 15
        global.set 19
      end
      local.get 15
      i32.const 1
      i32.shl
      i32.or
      local.tee 15
      global.set 19
      local.get 12
      i32.eqz
      if ;; label = @2
        local.get 14
        local.get 6
        i32.store 1
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
      end
      global.get 587
      global.set 588
      local.get 11
      global.set 587
      local.get 6
      global.set 586
      local.get 6
      local.get 7
      i32.store
      call 15
      global.get 14
      local.set 13
      global.get 15
      local.set 14
      global.get 19
      local.set 15
      local.get 14
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 14
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 13
        global.get 15
        local.set 14
        global.get 19
        local.set 15
      end
      local.get 13
      i64.const 9
      i64.sub
      local.tee 13
      global.set 14
      local.get 13
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 389
        call 4
      end
      local.set 4
      global.get 12
      local.get 4
      local.set 7
      local.set 6
      local.get 6
      global.get 589
      i32.sub
      local.tee 11
      global.get 591
      i32.eq
      local.tee 12
      local.get 15
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 15
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 15
          i32.store 1
        end
        local.get 14
        global.set 20
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
        i32.const 1
        local.tee 15
        global.set 19
      end
      local.get 15
      i32.const 1
      i32.shl
      i32.or
      local.tee 15
      global.set 19
      local.get 12
      i32.eqz
      if ;; label = @2
        local.get 14
        local.get 6
        i32.store 1
        local.get 14
        i32.const 4
        i32.add
        local.tee 14
        global.set 15
      end
      global.get 590
      global.set 591
      local.get 11
      global.set 590
      local.get 6
      global.set 589
      local.get 6
      local.get 7
      i32.store
      global.get 12
      i32.const 4
      i32.add
      global.set 12
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 16
    i32.eqz
    if ;; label = @1
      global.get 14
      global.get 18
      i64.add
      global.set 14
      i64.const 0
      global.set 18
    end
  )
  (func (;27;) (type 11) (param i32 i32 f64 f64)
    (local i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 24
      call 5
    end
    global.get 16
    i32.const 1
    i32.eq
    if ;; label = @1
      global.get 14
      i64.const 100000000
      i64.sub
      local.tee 7
      i64.const 0
      i64.gt_s
      if ;; label = @2
        local.get 7
        global.set 18
        i64.const 100000000
        global.set 14
      end
    end
    global.get 14
    local.set 12
    global.get 15
    local.set 13
    global.get 19
    local.set 14
    global.get 16
    i32.const 1
    i32.eq
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 13
      i32.const 25
      i32.store 1
      local.get 13
      i32.const 4
      i32.add
      local.tee 13
      global.set 15
    end
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 13
      i32.const 25
      i32.store 1
      local.get 13
      i32.const 4
      i32.add
      local.tee 13
      global.set 15
    end
    block ;; label = @1
      local.get 13
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 13
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
      end
      local.get 12
      i64.const 8
      i64.sub
      local.tee 12
      global.set 14
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 390
        call 4
      end
      global.get 12
      i32.const 4
      i32.sub
      global.set 12
      global.get 12
      i32.const 2080
      i32.lt_s
      local.tee 6
      i32.const 0
      i32.ne
      local.get 14
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 14
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 14
          i32.store 1
        end
        local.get 13
        global.set 20
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
        i32.const 1
        local.tee 14
        global.set 19
      end
      local.get 14
      i32.const 1
      i32.shl
      i32.or
      local.tee 14
      global.set 19
      local.get 6
      if ;; label = @2
        local.get 12
        i64.const 5
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 391
          call 4
        end
        i32.const 34880
        i32.const 34928
        i32.const 1
        i32.const 1
        call 0
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
        local.get 13
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 13
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 12
          global.get 15
          local.set 13
          global.get 19
          local.set 14
        end
        local.get 12
        i64.const 1
        i64.sub
        local.tee 12
        global.set 14
        local.get 12
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 392
          call 4
        end
        unreachable
      end
      local.get 12
      i64.const 4
      i64.sub
      local.tee 12
      global.set 14
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 393
        call 4
      end
      global.get 12
      i32.const 0
      local.set 6
      local.set 5
      local.get 5
      global.get 592
      i32.sub
      local.tee 10
      global.get 594
      i32.eq
      local.tee 11
      local.get 14
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 14
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 14
          i32.store 1
        end
        local.get 13
        global.set 20
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
        i32.const 1
        local.tee 14
        global.set 19
      end
      local.get 14
      i32.const 1
      i32.shl
      i32.or
      local.tee 14
      global.set 19
      local.get 11
      i32.eqz
      if ;; label = @2
        local.get 13
        local.get 5
        i32.store 1
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
      end
      global.get 593
      global.set 594
      local.get 10
      global.set 593
      local.get 5
      global.set 592
      local.get 5
      local.get 6
      i32.store
      call 15
      global.get 14
      local.set 12
      global.get 15
      local.set 13
      global.get 19
      local.set 14
      local.get 13
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 13
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 12
        global.get 15
        local.set 13
        global.get 19
        local.set 14
      end
      local.get 12
      i64.const 9
      i64.sub
      local.tee 12
      global.set 14
      local.get 12
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 394
        call 4
      end
      local.set 0
      global.get 12
      local.get 0
      local.set 6
      local.set 5
      local.get 5
      global.get 595
      i32.sub
      local.tee 10
      global.get 597
      i32.eq
      local.tee 11
      local.get 14
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 14
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 14
          i32.store 1
        end
        local.get 13
        global.set 20
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
        i32.const 1
        local.tee 14
        global.set 19
      end
      local.get 14
      i32.const 1
      i32.shl
      i32.or
      local.tee 14
      global.set 19
      local.get 11
      i32.eqz
      if ;; label = @2
        local.get 13
        local.get 5
        i32.store 1
        local.get 13
        i32.const 4
        i32.add
        local.tee 13
        global.set 15
      end
      global.get 596
      global.set 597
      local.get 10
      global.set 596
      local.get 5
      global.set 595
      local.get 5
      local.get 6
      i32.store
      global.get 12
      i32.const 4
      i32.add
      global.set 12
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 16
    i32.eqz
    if ;; label = @1
      global.get 14
      global.get 18
      i64.add
      global.set 14
      i64.const 0
      global.set 18
    end
  )
  (func (;28;) (type 12) (param i64 f64 f64 f64 f64 f64)
    (local i32 i32 i32 i32 i32 i64 f32 f64 i32 i32 i64 i32 i32)
    global.get 16
    i32.const 1
    i32.add
    global.set 16
    global.get 16
    i32.const 512
    i32.gt_u
    if ;; label = @1
      i32.const 25
      call 5
    end
    global.get 16
    i32.const 1
    i32.eq
    if ;; label = @1
      global.get 14
      i64.const 100000000
      i64.sub
      local.tee 11
      i64.const 0
      i64.gt_s
      if ;; label = @2
        local.get 11
        global.set 18
        i64.const 100000000
        global.set 14
      end
    end
    global.get 14
    local.set 16
    global.get 15
    local.set 17
    global.get 19
    local.set 18
    global.get 16
    i32.const 1
    i32.eq
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 17
      i32.const 26
      i32.store 1
      local.get 17
      i32.const 4
      i32.add
      local.tee 17
      global.set 15
    end
    global.get 21
    if ;; label = @1
      i32.const 0
      global.set 21
      local.get 17
      i32.const 26
      i32.store 1
      local.get 17
      i32.const 4
      i32.add
      local.tee 17
      global.set 15
    end
    block ;; label = @1
      local.get 17
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 17
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 16
        global.get 15
        local.set 17
        global.get 19
        local.set 18
      end
      local.get 16
      i64.const 8
      i64.sub
      local.tee 16
      global.set 14
      local.get 16
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 395
        call 4
      end
      global.get 12
      i32.const 8
      i32.sub
      global.set 12
      global.get 12
      i32.const 2080
      i32.lt_s
      local.tee 10
      i32.const 0
      i32.ne
      local.get 18
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 18
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 18
          i32.store 1
        end
        local.get 17
        global.set 20
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
        i32.const 1
        local.tee 18
        global.set 19
      end
      local.get 18
      i32.const 1
      i32.shl
      i32.or
      local.tee 18
      global.set 19
      local.get 10
      if ;; label = @2
        local.get 16
        i64.const 5
        i64.sub
        local.tee 16
        global.set 14
        local.get 16
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 396
          call 4
        end
        i32.const 34880
        i32.const 34928
        i32.const 1
        i32.const 1
        call 0
        global.get 14
        local.set 16
        global.get 15
        local.set 17
        global.get 19
        local.set 18
        local.get 17
        i32.const 1048576
        i32.gt_u
        if ;; label = @3
          local.get 17
          call 6
          i32.const 0
          global.set 15
          global.get 14
          local.set 16
          global.get 15
          local.set 17
          global.get 19
          local.set 18
        end
        local.get 16
        i64.const 1
        i64.sub
        local.tee 16
        global.set 14
        local.get 16
        i64.const 0
        i64.lt_s
        if ;; label = @3
          i32.const 397
          call 4
        end
        unreachable
      end
      local.get 16
      i64.const 65
      i64.sub
      local.tee 16
      global.set 14
      local.get 16
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 398
        call 4
      end
      global.get 12
      i64.const 0
      local.set 11
      local.set 9
      local.get 9
      global.get 598
      i32.sub
      local.tee 14
      global.get 600
      i32.eq
      local.tee 15
      local.get 18
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 18
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 18
          i32.store 1
        end
        local.get 17
        global.set 20
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
        i32.const 1
        local.tee 18
        global.set 19
      end
      local.get 18
      i32.const 1
      i32.shl
      i32.or
      local.tee 18
      global.set 19
      local.get 15
      i32.eqz
      if ;; label = @2
        local.get 17
        local.get 9
        i32.store 1
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
      end
      global.get 599
      global.set 600
      local.get 14
      global.set 599
      local.get 9
      global.set 598
      local.get 9
      local.get 11
      i64.store
      global.get 12
      global.get 11
      local.tee 6
      i32.store
      local.get 6
      local.get 0
      local.set 11
      local.set 9
      local.get 9
      global.get 601
      i32.sub
      local.tee 14
      global.get 603
      i32.eq
      local.tee 15
      local.get 18
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 18
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 18
          i32.store 1
        end
        local.get 17
        global.set 20
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
        i32.const 1
        local.tee 18
        global.set 19
      end
      local.get 18
      i32.const 1
      i32.shl
      i32.or
      local.tee 18
      global.set 19
      local.get 15
      i32.eqz
      if ;; label = @2
        local.get 17
        local.get 9
        i32.store 1
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
      end
      global.get 602
      global.set 603
      local.get 14
      global.set 602
      local.get 9
      global.set 601
      local.get 9
      local.get 11
      i64.store
      global.get 12
      global.get 11
      local.tee 6
      i32.store
      local.get 6
      local.get 1
      local.set 13
      local.set 9
      local.get 9
      global.get 604
      i32.sub
      local.tee 14
      global.get 606
      i32.eq
      local.tee 15
      local.get 18
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 18
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 18
          i32.store 1
        end
        local.get 17
        global.set 20
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
        i32.const 1
        local.tee 18
        global.set 19
      end
      local.get 18
      i32.const 1
      i32.shl
      i32.or
      local.tee 18
      global.set 19
      local.get 15
      i32.eqz
      if ;; label = @2
        local.get 17
        local.get 9
        i32.store 1
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
      end
      global.get 605
      global.set 606
      local.get 14
      global.set 605
      local.get 9
      global.set 604
      local.get 9
      local.get 13
      f64.store offset=8
      global.get 12
      global.get 11
      local.tee 6
      i32.store
      local.get 6
      local.get 2
      local.set 13
      local.set 9
      local.get 9
      global.get 607
      i32.sub
      local.tee 14
      global.get 609
      i32.eq
      local.tee 15
      local.get 18
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 18
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 18
          i32.store 1
        end
        local.get 17
        global.set 20
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
        i32.const 1
        local.tee 18
        global.set 19
      end
      local.get 18
      i32.const 1
      i32.shl
      i32.or
      local.tee 18
      global.set 19
      local.get 15
      i32.eqz
      if ;; label = @2
        local.get 17
        local.get 9
        i32.store 1
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
      end
      global.get 608
      global.set 609
      local.get 14
      global.set 608
      local.get 9
      global.set 607
      local.get 9
      local.get 13
      f64.store offset=16
      global.get 12
      global.get 11
      local.tee 6
      i32.store
      local.get 6
      local.get 3
      local.set 13
      local.set 9
      local.get 9
      global.get 610
      i32.sub
      local.tee 14
      global.get 612
      i32.eq
      local.tee 15
      local.get 18
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 18
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 18
          i32.store 1
        end
        local.get 17
        global.set 20
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
        i32.const 1
        local.tee 18
        global.set 19
      end
      local.get 18
      i32.const 1
      i32.shl
      i32.or
      local.tee 18
      global.set 19
      local.get 15
      i32.eqz
      if ;; label = @2
        local.get 17
        local.get 9
        i32.store 1
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
      end
      global.get 611
      global.set 612
      local.get 14
      global.set 611
      local.get 9
      global.set 610
      local.get 9
      local.get 13
      f64.store offset=24
      global.get 12
      global.get 11
      local.tee 6
      i32.store
      local.get 6
      local.get 4
      local.set 13
      local.set 9
      local.get 9
      global.get 613
      i32.sub
      local.tee 14
      global.get 615
      i32.eq
      local.tee 15
      local.get 18
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 18
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 18
          i32.store 1
        end
        local.get 17
        global.set 20
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
        i32.const 1
        local.tee 18
        global.set 19
      end
      local.get 18
      i32.const 1
      i32.shl
      i32.or
      local.tee 18
      global.set 19
      local.get 15
      i32.eqz
      if ;; label = @2
        local.get 17
        local.get 9
        i32.store 1
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
      end
      global.get 614
      global.set 615
      local.get 14
      global.set 614
      local.get 9
      global.set 613
      local.get 9
      local.get 13
      f64.store offset=32
      global.get 12
      global.get 11
      local.tee 6
      i32.store
      local.get 6
      local.get 5
      local.set 13
      local.set 9
      local.get 9
      global.get 616
      i32.sub
      local.tee 14
      global.get 618
      i32.eq
      local.tee 15
      local.get 18
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 18
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 18
          i32.store 1
        end
        local.get 17
        global.set 20
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
        i32.const 1
        local.tee 18
        global.set 19
      end
      local.get 18
      i32.const 1
      i32.shl
      i32.or
      local.tee 18
      global.set 19
      local.get 15
      i32.eqz
      if ;; label = @2
        local.get 17
        local.get 9
        i32.store 1
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
      end
      global.get 617
      global.set 618
      local.get 14
      global.set 617
      local.get 9
      global.set 616
      local.get 9
      local.get 13
      f64.store offset=40
      global.get 12
      global.get 11
      local.tee 6
      i32.store
      global.get 12
      global.get 11
      local.tee 7
      i32.store offset=4
      local.get 6
      local.get 7
      local.set 9
      local.get 9
      global.get 619
      i32.sub
      local.tee 14
      global.get 621
      i32.eq
      local.tee 15
      local.get 18
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 18
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 18
          i32.store 1
        end
        local.get 17
        global.set 20
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
        i32.const 1
        local.tee 18
        global.set 19
      end
      local.get 18
      i32.const 1
      i32.shl
      i32.or
      local.tee 18
      global.set 19
      local.get 15
      i32.eqz
      if ;; label = @2
        local.get 17
        local.get 9
        i32.store 1
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
      end
      global.get 620
      global.set 621
      local.get 14
      global.set 620
      local.get 9
      global.set 619
      local.get 9
      i32.load offset=48
      i32.const 1
      i32.add
      local.set 10
      local.set 9
      local.get 9
      global.get 622
      i32.sub
      local.tee 14
      global.get 624
      i32.eq
      local.tee 15
      local.get 18
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 18
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 18
          i32.store 1
        end
        local.get 17
        global.set 20
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
        i32.const 1
        local.tee 18
        global.set 19
      end
      local.get 18
      i32.const 1
      i32.shl
      i32.or
      local.tee 18
      global.set 19
      local.get 15
      i32.eqz
      if ;; label = @2
        local.get 17
        local.get 9
        i32.store 1
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
      end
      global.get 623
      global.set 624
      local.get 14
      global.set 623
      local.get 9
      global.set 622
      local.get 9
      local.get 10
      i32.store offset=48
      global.get 12
      global.get 11
      local.tee 6
      i32.store
      local.get 6
      call 2
      global.get 14
      local.set 16
      global.get 15
      local.set 17
      global.get 19
      local.set 18
      local.get 17
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 17
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 16
        global.get 15
        local.set 17
        global.get 19
        local.set 18
      end
      local.get 16
      i64.const 2
      i64.sub
      local.tee 16
      global.set 14
      local.get 16
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 399
        call 4
      end
      local.set 10
      local.set 9
      local.get 9
      global.get 625
      i32.sub
      local.tee 14
      global.get 627
      i32.eq
      local.tee 15
      local.get 18
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 18
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 18
          i32.store 1
        end
        local.get 17
        global.set 20
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
        i32.const 1
        local.tee 18
        global.set 19
      end
      local.get 18
      i32.const 1
      i32.shl
      i32.or
      local.tee 18
      global.set 19
      local.get 15
      i32.eqz
      if ;; label = @2
        local.get 17
        local.get 9
        i32.store 1
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
      end
      global.get 626
      global.set 627
      local.get 14
      global.set 626
      local.get 9
      global.set 625
      local.get 9
      local.get 10
      i32.store offset=52
      call 15
      global.get 14
      local.set 16
      global.get 15
      local.set 17
      global.get 19
      local.set 18
      local.get 17
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 17
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 16
        global.get 15
        local.set 17
        global.get 19
        local.set 18
      end
      local.get 16
      i64.const 11
      i64.sub
      local.tee 16
      global.set 14
      local.get 16
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 400
        call 4
      end
      local.set 6
      global.get 12
      local.get 6
      local.set 10
      local.set 9
      local.get 9
      global.get 628
      i32.sub
      local.tee 14
      global.get 630
      i32.eq
      local.tee 15
      local.get 18
      i32.const 2
      i32.lt_s
      if ;; label = @2
        local.get 18
        i32.const 0
        i32.lt_s
        if ;; label = @3
          global.get 20
          local.get 18
          i32.store 1
        end
        local.get 17
        global.set 20
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
        i32.const 1
        local.tee 18
        global.set 19
      end
      local.get 18
      i32.const 1
      i32.shl
      i32.or
      local.tee 18
      global.set 19
      local.get 15
      i32.eqz
      if ;; label = @2
        local.get 17
        local.get 9
        i32.store 1
        local.get 17
        i32.const 4
        i32.add
        local.tee 17
        global.set 15
      end
      global.get 629
      global.set 630
      local.get 14
      global.set 629
      local.get 9
      global.set 628
      local.get 9
      local.get 10
      i32.store
      global.get 12
      global.get 11
      local.tee 7
      i32.store offset=4
      local.get 6
      local.get 7
      call 25
      global.get 14
      local.set 16
      global.get 15
      local.set 17
      global.get 19
      local.set 18
      local.get 17
      i32.const 1048576
      i32.gt_u
      if ;; label = @2
        local.get 17
        call 6
        i32.const 0
        global.set 15
        global.get 14
        local.set 16
        global.get 15
        local.set 17
        global.get 19
        local.set 18
      end
      local.get 16
      i64.const 5
      i64.sub
      local.tee 16
      global.set 14
      local.get 16
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 401
        call 4
      end
      global.get 12
      i32.const 8
      i32.add
      global.set 12
    end
    global.get 16
    i32.const 1
    i32.sub
    global.set 16
    global.get 16
    i32.eqz
    if ;; label = @1
      global.get 14
      global.get 18
      i64.add
      global.set 14
      i64.const 0
      global.set 18
    end
  )
  (func (;29;) (type 14)
    i32.const 0
    i64.load 2
    i32.const 0
    f64.load 2 offset=8
    i32.const 0
    f64.load 2 offset=16
    i32.const 0
    f64.load 2 offset=24
    i32.const 0
    f64.load 2 offset=32
    i32.const 0
    f64.load 2 offset=40
    call 28
  )
  (func (;30;) (type 14)
    global.get 19
    i32.const 0
    i32.lt_s
    if ;; label = @1
      global.get 20
      global.get 19
      i32.store 1
    end
    global.get 15
    global.set 20
    global.get 15
    i32.const 4
    i32.add
    global.set 15
    i32.const 1
    global.set 19
  )
  (func (;31;) (type 14)
    i32.const 0
    global.get 22
    i32.store 1 offset=1049680
    i32.const 0
    global.get 23
    i32.store 1 offset=1049684
    i32.const 0
    global.get 24
    i32.store 1 offset=1049688
    i32.const 0
    global.get 25
    i32.store 1 offset=1049692
    i32.const 0
    global.get 26
    i32.store 1 offset=1049696
    i32.const 0
    global.get 27
    i32.store 1 offset=1049700
    i32.const 0
    global.get 28
    i32.store 1 offset=1049704
    i32.const 0
    global.get 29
    i32.store 1 offset=1049708
    i32.const 0
    global.get 30
    i32.store 1 offset=1049712
    i32.const 0
    global.get 31
    i32.store 1 offset=1049716
    i32.const 0
    global.get 32
    i32.store 1 offset=1049720
    i32.const 0
    global.get 33
    i32.store 1 offset=1049724
    i32.const 0
    global.get 34
    i32.store 1 offset=1049728
    i32.const 0
    global.get 35
    i32.store 1 offset=1049732
    i32.const 0
    global.get 36
    i32.store 1 offset=1049736
    i32.const 0
    global.get 37
    i32.store 1 offset=1049740
    i32.const 0
    global.get 38
    i32.store 1 offset=1049744
    i32.const 0
    global.get 39
    i32.store 1 offset=1049748
    i32.const 0
    global.get 40
    i32.store 1 offset=1049752
    i32.const 0
    global.get 41
    i32.store 1 offset=1049756
    i32.const 0
    global.get 42
    i32.store 1 offset=1049760
    i32.const 0
    global.get 43
    i32.store 1 offset=1049764
    i32.const 0
    global.get 44
    i32.store 1 offset=1049768
    i32.const 0
    global.get 45
    i32.store 1 offset=1049772
    i32.const 0
    global.get 46
    i32.store 1 offset=1049776
    i32.const 0
    global.get 47
    i32.store 1 offset=1049780
    i32.const 0
    global.get 48
    i32.store 1 offset=1049784
    i32.const 0
    global.get 49
    i32.store 1 offset=1049788
    i32.const 0
    global.get 50
    i32.store 1 offset=1049792
    i32.const 0
    global.get 51
    i32.store 1 offset=1049796
    i32.const 0
    global.get 52
    i32.store 1 offset=1049800
    i32.const 0
    global.get 53
    i32.store 1 offset=1049804
    i32.const 0
    global.get 54
    i32.store 1 offset=1049808
    i32.const 0
    global.get 55
    i32.store 1 offset=1049812
    i32.const 0
    global.get 56
    i32.store 1 offset=1049816
    i32.const 0
    global.get 57
    i32.store 1 offset=1049820
    i32.const 0
    global.get 58
    i32.store 1 offset=1049824
    i32.const 0
    global.get 59
    i32.store 1 offset=1049828
    i32.const 0
    global.get 60
    i32.store 1 offset=1049832
    i32.const 0
    global.get 61
    i32.store 1 offset=1049836
    i32.const 0
    global.get 62
    i32.store 1 offset=1049840
    i32.const 0
    global.get 63
    i32.store 1 offset=1049844
    i32.const 0
    global.get 64
    i32.store 1 offset=1049848
    i32.const 0
    global.get 65
    i32.store 1 offset=1049852
    i32.const 0
    global.get 66
    i32.store 1 offset=1049856
    i32.const 0
    global.get 67
    i32.store 1 offset=1049860
    i32.const 0
    global.get 68
    i32.store 1 offset=1049864
    i32.const 0
    global.get 69
    i32.store 1 offset=1049868
    i32.const 0
    global.get 70
    i32.store 1 offset=1049872
    i32.const 0
    global.get 71
    i32.store 1 offset=1049876
    i32.const 0
    global.get 72
    i32.store 1 offset=1049880
    i32.const 0
    global.get 73
    i32.store 1 offset=1049884
    i32.const 0
    global.get 74
    i32.store 1 offset=1049888
    i32.const 0
    global.get 75
    i32.store 1 offset=1049892
    i32.const 0
    global.get 76
    i32.store 1 offset=1049896
    i32.const 0
    global.get 77
    i32.store 1 offset=1049900
    i32.const 0
    global.get 78
    i32.store 1 offset=1049904
    i32.const 0
    global.get 79
    i32.store 1 offset=1049908
    i32.const 0
    global.get 80
    i32.store 1 offset=1049912
    i32.const 0
    global.get 81
    i32.store 1 offset=1049916
    i32.const 0
    global.get 82
    i32.store 1 offset=1049920
    i32.const 0
    global.get 83
    i32.store 1 offset=1049924
    i32.const 0
    global.get 84
    i32.store 1 offset=1049928
    i32.const 0
    global.get 85
    i32.store 1 offset=1049932
    i32.const 0
    global.get 86
    i32.store 1 offset=1049936
    i32.const 0
    global.get 87
    i32.store 1 offset=1049940
    i32.const 0
    global.get 88
    i32.store 1 offset=1049944
    i32.const 0
    global.get 89
    i32.store 1 offset=1049948
    i32.const 0
    global.get 90
    i32.store 1 offset=1049952
    i32.const 0
    global.get 91
    i32.store 1 offset=1049956
    i32.const 0
    global.get 92
    i32.store 1 offset=1049960
    i32.const 0
    global.get 93
    i32.store 1 offset=1049964
    i32.const 0
    global.get 94
    i32.store 1 offset=1049968
    i32.const 0
    global.get 95
    i32.store 1 offset=1049972
    i32.const 0
    global.get 96
    i32.store 1 offset=1049976
    i32.const 0
    global.get 97
    i32.store 1 offset=1049980
    i32.const 0
    global.get 98
    i32.store 1 offset=1049984
    i32.const 0
    global.get 99
    i32.store 1 offset=1049988
    i32.const 0
    global.get 100
    i32.store 1 offset=1049992
    i32.const 0
    global.get 101
    i32.store 1 offset=1049996
    i32.const 0
    global.get 102
    i32.store 1 offset=1050000
    i32.const 0
    global.get 103
    i32.store 1 offset=1050004
    i32.const 0
    global.get 104
    i32.store 1 offset=1050008
    i32.const 0
    global.get 105
    i32.store 1 offset=1050012
    i32.const 0
    global.get 106
    i32.store 1 offset=1050016
    i32.const 0
    global.get 107
    i32.store 1 offset=1050020
    i32.const 0
    global.get 108
    i32.store 1 offset=1050024
    i32.const 0
    global.get 109
    i32.store 1 offset=1050028
    i32.const 0
    global.get 110
    i32.store 1 offset=1050032
    i32.const 0
    global.get 111
    i32.store 1 offset=1050036
    i32.const 0
    global.get 112
    i32.store 1 offset=1050040
    i32.const 0
    global.get 113
    i32.store 1 offset=1050044
    i32.const 0
    global.get 114
    i32.store 1 offset=1050048
    i32.const 0
    global.get 115
    i32.store 1 offset=1050052
    i32.const 0
    global.get 116
    i32.store 1 offset=1050056
    i32.const 0
    global.get 117
    i32.store 1 offset=1050060
    i32.const 0
    global.get 118
    i32.store 1 offset=1050064
    i32.const 0
    global.get 119
    i32.store 1 offset=1050068
    i32.const 0
    global.get 120
    i32.store 1 offset=1050072
    i32.const 0
    global.get 121
    i32.store 1 offset=1050076
    i32.const 0
    global.get 122
    i32.store 1 offset=1050080
    i32.const 0
    global.get 123
    i32.store 1 offset=1050084
    i32.const 0
    global.get 124
    i32.store 1 offset=1050088
    i32.const 0
    global.get 125
    i32.store 1 offset=1050092
    i32.const 0
    global.get 126
    i32.store 1 offset=1050096
    i32.const 0
    global.get 127
    i32.store 1 offset=1050100
    i32.const 0
    global.get 128
    i32.store 1 offset=1050104
    i32.const 0
    global.get 129
    i32.store 1 offset=1050108
    i32.const 0
    global.get 130
    i32.store 1 offset=1050112
    i32.const 0
    global.get 131
    i32.store 1 offset=1050116
    i32.const 0
    global.get 132
    i32.store 1 offset=1050120
    i32.const 0
    global.get 133
    i32.store 1 offset=1050124
    i32.const 0
    global.get 134
    i32.store 1 offset=1050128
    i32.const 0
    global.get 135
    i32.store 1 offset=1050132
    i32.const 0
    global.get 136
    i32.store 1 offset=1050136
    i32.const 0
    global.get 137
    i32.store 1 offset=1050140
    i32.const 0
    global.get 138
    i32.store 1 offset=1050144
    i32.const 0
    global.get 139
    i32.store 1 offset=1050148
    i32.const 0
    global.get 140
    i32.store 1 offset=1050152
    i32.const 0
    global.get 141
    i32.store 1 offset=1050156
    i32.const 0
    global.get 142
    i32.store 1 offset=1050160
    i32.const 0
    global.get 143
    i32.store 1 offset=1050164
    i32.const 0
    global.get 144
    i32.store 1 offset=1050168
    i32.const 0
    global.get 145
    i32.store 1 offset=1050172
    i32.const 0
    global.get 146
    i32.store 1 offset=1050176
    i32.const 0
    global.get 147
    i32.store 1 offset=1050180
    i32.const 0
    global.get 148
    i32.store 1 offset=1050184
    i32.const 0
    global.get 149
    i32.store 1 offset=1050188
    i32.const 0
    global.get 150
    i32.store 1 offset=1050192
    i32.const 0
    global.get 151
    i32.store 1 offset=1050196
    i32.const 0
    global.get 152
    i32.store 1 offset=1050200
    i32.const 0
    global.get 153
    i32.store 1 offset=1050204
    i32.const 0
    global.get 154
    i32.store 1 offset=1050208
    i32.const 0
    global.get 155
    i32.store 1 offset=1050212
    i32.const 0
    global.get 156
    i32.store 1 offset=1050216
    i32.const 0
    global.get 157
    i32.store 1 offset=1050220
    i32.const 0
    global.get 158
    i32.store 1 offset=1050224
    i32.const 0
    global.get 159
    i32.store 1 offset=1050228
    i32.const 0
    global.get 160
    i32.store 1 offset=1050232
    i32.const 0
    global.get 161
    i32.store 1 offset=1050236
    i32.const 0
    global.get 162
    i32.store 1 offset=1050240
    i32.const 0
    global.get 163
    i32.store 1 offset=1050244
    i32.const 0
    global.get 164
    i32.store 1 offset=1050248
    i32.const 0
    global.get 165
    i32.store 1 offset=1050252
    i32.const 0
    global.get 166
    i32.store 1 offset=1050256
    i32.const 0
    global.get 167
    i32.store 1 offset=1050260
    i32.const 0
    global.get 168
    i32.store 1 offset=1050264
    i32.const 0
    global.get 169
    i32.store 1 offset=1050268
    i32.const 0
    global.get 170
    i32.store 1 offset=1050272
    i32.const 0
    global.get 171
    i32.store 1 offset=1050276
    i32.const 0
    global.get 172
    i32.store 1 offset=1050280
    i32.const 0
    global.get 173
    i32.store 1 offset=1050284
    i32.const 0
    global.get 174
    i32.store 1 offset=1050288
    i32.const 0
    global.get 175
    i32.store 1 offset=1050292
    i32.const 0
    global.get 176
    i32.store 1 offset=1050296
    i32.const 0
    global.get 177
    i32.store 1 offset=1050300
    i32.const 0
    global.get 178
    i32.store 1 offset=1050304
    i32.const 0
    global.get 179
    i32.store 1 offset=1050308
    i32.const 0
    global.get 180
    i32.store 1 offset=1050312
    i32.const 0
    global.get 181
    i32.store 1 offset=1050316
    i32.const 0
    global.get 182
    i32.store 1 offset=1050320
    i32.const 0
    global.get 183
    i32.store 1 offset=1050324
    i32.const 0
    global.get 184
    i32.store 1 offset=1050328
    i32.const 0
    global.get 185
    i32.store 1 offset=1050332
    i32.const 0
    global.get 186
    i32.store 1 offset=1050336
    i32.const 0
    global.get 187
    i32.store 1 offset=1050340
    i32.const 0
    global.get 188
    i32.store 1 offset=1050344
    i32.const 0
    global.get 189
    i32.store 1 offset=1050348
    i32.const 0
    global.get 190
    i32.store 1 offset=1050352
    i32.const 0
    global.get 191
    i32.store 1 offset=1050356
    i32.const 0
    global.get 192
    i32.store 1 offset=1050360
    i32.const 0
    global.get 193
    i32.store 1 offset=1050364
    i32.const 0
    global.get 194
    i32.store 1 offset=1050368
    i32.const 0
    global.get 195
    i32.store 1 offset=1050372
    i32.const 0
    global.get 196
    i32.store 1 offset=1050376
    i32.const 0
    global.get 197
    i32.store 1 offset=1050380
    i32.const 0
    global.get 198
    i32.store 1 offset=1050384
    i32.const 0
    global.get 199
    i32.store 1 offset=1050388
    i32.const 0
    global.get 200
    i32.store 1 offset=1050392
    i32.const 0
    global.get 201
    i32.store 1 offset=1050396
    i32.const 0
    global.get 202
    i32.store 1 offset=1050400
    i32.const 0
    global.get 203
    i32.store 1 offset=1050404
    i32.const 0
    global.get 204
    i32.store 1 offset=1050408
    i32.const 0
    global.get 205
    i32.store 1 offset=1050412
    i32.const 0
    global.get 206
    i32.store 1 offset=1050416
    i32.const 0
    global.get 207
    i32.store 1 offset=1050420
    i32.const 0
    global.get 208
    i32.store 1 offset=1050424
    i32.const 0
    global.get 209
    i32.store 1 offset=1050428
    i32.const 0
    global.get 210
    i32.store 1 offset=1050432
    i32.const 0
    global.get 211
    i32.store 1 offset=1050436
    i32.const 0
    global.get 212
    i32.store 1 offset=1050440
    i32.const 0
    global.get 213
    i32.store 1 offset=1050444
    i32.const 0
    global.get 214
    i32.store 1 offset=1050448
    i32.const 0
    global.get 215
    i32.store 1 offset=1050452
    i32.const 0
    global.get 216
    i32.store 1 offset=1050456
    i32.const 0
    global.get 217
    i32.store 1 offset=1050460
    i32.const 0
    global.get 218
    i32.store 1 offset=1050464
    i32.const 0
    global.get 219
    i32.store 1 offset=1050468
    i32.const 0
    global.get 220
    i32.store 1 offset=1050472
    i32.const 0
    global.get 221
    i32.store 1 offset=1050476
    i32.const 0
    global.get 222
    i32.store 1 offset=1050480
    i32.const 0
    global.get 223
    i32.store 1 offset=1050484
    i32.const 0
    global.get 224
    i32.store 1 offset=1050488
    i32.const 0
    global.get 225
    i32.store 1 offset=1050492
    i32.const 0
    global.get 226
    i32.store 1 offset=1050496
    i32.const 0
    global.get 227
    i32.store 1 offset=1050500
    i32.const 0
    global.get 228
    i32.store 1 offset=1050504
    i32.const 0
    global.get 229
    i32.store 1 offset=1050508
    i32.const 0
    global.get 230
    i32.store 1 offset=1050512
    i32.const 0
    global.get 231
    i32.store 1 offset=1050516
    i32.const 0
    global.get 232
    i32.store 1 offset=1050520
    i32.const 0
    global.get 233
    i32.store 1 offset=1050524
    i32.const 0
    global.get 234
    i32.store 1 offset=1050528
    i32.const 0
    global.get 235
    i32.store 1 offset=1050532
    i32.const 0
    global.get 236
    i32.store 1 offset=1050536
    i32.const 0
    global.get 237
    i32.store 1 offset=1050540
    i32.const 0
    global.get 238
    i32.store 1 offset=1050544
    i32.const 0
    global.get 239
    i32.store 1 offset=1050548
    i32.const 0
    global.get 240
    i32.store 1 offset=1050552
    i32.const 0
    global.get 241
    i32.store 1 offset=1050556
    i32.const 0
    global.get 242
    i32.store 1 offset=1050560
    i32.const 0
    global.get 243
    i32.store 1 offset=1050564
    i32.const 0
    global.get 244
    i32.store 1 offset=1050568
    i32.const 0
    global.get 245
    i32.store 1 offset=1050572
    i32.const 0
    global.get 246
    i32.store 1 offset=1050576
    i32.const 0
    global.get 247
    i32.store 1 offset=1050580
    i32.const 0
    global.get 248
    i32.store 1 offset=1050584
    i32.const 0
    global.get 249
    i32.store 1 offset=1050588
    i32.const 0
    global.get 250
    i32.store 1 offset=1050592
    i32.const 0
    global.get 251
    i32.store 1 offset=1050596
    i32.const 0
    global.get 252
    i32.store 1 offset=1050600
    i32.const 0
    global.get 253
    i32.store 1 offset=1050604
    i32.const 0
    global.get 254
    i32.store 1 offset=1050608
    i32.const 0
    global.get 255
    i32.store 1 offset=1050612
    i32.const 0
    global.get 256
    i32.store 1 offset=1050616
    i32.const 0
    global.get 257
    i32.store 1 offset=1050620
    i32.const 0
    global.get 258
    i32.store 1 offset=1050624
    i32.const 0
    global.get 259
    i32.store 1 offset=1050628
    i32.const 0
    global.get 260
    i32.store 1 offset=1050632
    i32.const 0
    global.get 261
    i32.store 1 offset=1050636
    i32.const 0
    global.get 262
    i32.store 1 offset=1050640
    i32.const 0
    global.get 263
    i32.store 1 offset=1050644
    i32.const 0
    global.get 264
    i32.store 1 offset=1050648
    i32.const 0
    global.get 265
    i32.store 1 offset=1050652
    i32.const 0
    global.get 266
    i32.store 1 offset=1050656
    i32.const 0
    global.get 267
    i32.store 1 offset=1050660
    i32.const 0
    global.get 268
    i32.store 1 offset=1050664
    i32.const 0
    global.get 269
    i32.store 1 offset=1050668
    i32.const 0
    global.get 270
    i32.store 1 offset=1050672
    i32.const 0
    global.get 271
    i32.store 1 offset=1050676
    i32.const 0
    global.get 272
    i32.store 1 offset=1050680
    i32.const 0
    global.get 273
    i32.store 1 offset=1050684
    i32.const 0
    global.get 274
    i32.store 1 offset=1050688
    i32.const 0
    global.get 275
    i32.store 1 offset=1050692
    i32.const 0
    global.get 276
    i32.store 1 offset=1050696
    i32.const 0
    global.get 277
    i32.store 1 offset=1050700
    i32.const 0
    global.get 278
    i32.store 1 offset=1050704
    i32.const 0
    global.get 279
    i32.store 1 offset=1050708
    i32.const 0
    global.get 280
    i32.store 1 offset=1050712
    i32.const 0
    global.get 281
    i32.store 1 offset=1050716
    i32.const 0
    global.get 282
    i32.store 1 offset=1050720
    i32.const 0
    global.get 283
    i32.store 1 offset=1050724
    i32.const 0
    global.get 284
    i32.store 1 offset=1050728
    i32.const 0
    global.get 285
    i32.store 1 offset=1050732
    i32.const 0
    global.get 286
    i32.store 1 offset=1050736
    i32.const 0
    global.get 287
    i32.store 1 offset=1050740
    i32.const 0
    global.get 288
    i32.store 1 offset=1050744
    i32.const 0
    global.get 289
    i32.store 1 offset=1050748
    i32.const 0
    global.get 290
    i32.store 1 offset=1050752
    i32.const 0
    global.get 291
    i32.store 1 offset=1050756
    i32.const 0
    global.get 292
    i32.store 1 offset=1050760
    i32.const 0
    global.get 293
    i32.store 1 offset=1050764
    i32.const 0
    global.get 294
    i32.store 1 offset=1050768
    i32.const 0
    global.get 295
    i32.store 1 offset=1050772
    i32.const 0
    global.get 296
    i32.store 1 offset=1050776
    i32.const 0
    global.get 297
    i32.store 1 offset=1050780
    i32.const 0
    global.get 298
    i32.store 1 offset=1050784
    i32.const 0
    global.get 299
    i32.store 1 offset=1050788
    i32.const 0
    global.get 300
    i32.store 1 offset=1050792
    i32.const 0
    global.get 301
    i32.store 1 offset=1050796
    i32.const 0
    global.get 302
    i32.store 1 offset=1050800
    i32.const 0
    global.get 303
    i32.store 1 offset=1050804
    i32.const 0
    global.get 304
    i32.store 1 offset=1050808
    i32.const 0
    global.get 305
    i32.store 1 offset=1050812
    i32.const 0
    global.get 306
    i32.store 1 offset=1050816
    i32.const 0
    global.get 307
    i32.store 1 offset=1050820
    i32.const 0
    global.get 308
    i32.store 1 offset=1050824
    i32.const 0
    global.get 309
    i32.store 1 offset=1050828
    i32.const 0
    global.get 310
    i32.store 1 offset=1050832
    i32.const 0
    global.get 311
    i32.store 1 offset=1050836
    i32.const 0
    global.get 312
    i32.store 1 offset=1050840
    i32.const 0
    global.get 313
    i32.store 1 offset=1050844
    i32.const 0
    global.get 314
    i32.store 1 offset=1050848
    i32.const 0
    global.get 315
    i32.store 1 offset=1050852
    i32.const 0
    global.get 316
    i32.store 1 offset=1050856
    i32.const 0
    global.get 317
    i32.store 1 offset=1050860
    i32.const 0
    global.get 318
    i32.store 1 offset=1050864
    i32.const 0
    global.get 319
    i32.store 1 offset=1050868
    i32.const 0
    global.get 320
    i32.store 1 offset=1050872
    i32.const 0
    global.get 321
    i32.store 1 offset=1050876
    i32.const 0
    global.get 322
    i32.store 1 offset=1050880
    i32.const 0
    global.get 323
    i32.store 1 offset=1050884
    i32.const 0
    global.get 324
    i32.store 1 offset=1050888
    i32.const 0
    global.get 325
    i32.store 1 offset=1050892
    i32.const 0
    global.get 326
    i32.store 1 offset=1050896
    i32.const 0
    global.get 327
    i32.store 1 offset=1050900
    i32.const 0
    global.get 328
    i32.store 1 offset=1050904
    i32.const 0
    global.get 329
    i32.store 1 offset=1050908
    i32.const 0
    global.get 330
    i32.store 1 offset=1050912
    i32.const 0
    global.get 331
    i32.store 1 offset=1050916
    i32.const 0
    global.get 332
    i32.store 1 offset=1050920
    i32.const 0
    global.get 333
    i32.store 1 offset=1050924
    i32.const 0
    global.get 334
    i32.store 1 offset=1050928
    i32.const 0
    global.get 335
    i32.store 1 offset=1050932
    i32.const 0
    global.get 336
    i32.store 1 offset=1050936
    i32.const 0
    global.get 337
    i32.store 1 offset=1050940
    i32.const 0
    global.get 338
    i32.store 1 offset=1050944
    i32.const 0
    global.get 339
    i32.store 1 offset=1050948
    i32.const 0
    global.get 340
    i32.store 1 offset=1050952
    i32.const 0
    global.get 341
    i32.store 1 offset=1050956
    i32.const 0
    global.get 342
    i32.store 1 offset=1050960
    i32.const 0
    global.get 343
    i32.store 1 offset=1050964
    i32.const 0
    global.get 344
    i32.store 1 offset=1050968
    i32.const 0
    global.get 345
    i32.store 1 offset=1050972
    i32.const 0
    global.get 346
    i32.store 1 offset=1050976
    i32.const 0
    global.get 347
    i32.store 1 offset=1050980
    i32.const 0
    global.get 348
    i32.store 1 offset=1050984
    i32.const 0
    global.get 349
    i32.store 1 offset=1050988
    i32.const 0
    global.get 350
    i32.store 1 offset=1050992
    i32.const 0
    global.get 351
    i32.store 1 offset=1050996
    i32.const 0
    global.get 352
    i32.store 1 offset=1051000
    i32.const 0
    global.get 353
    i32.store 1 offset=1051004
    i32.const 0
    global.get 354
    i32.store 1 offset=1051008
    i32.const 0
    global.get 355
    i32.store 1 offset=1051012
    i32.const 0
    global.get 356
    i32.store 1 offset=1051016
    i32.const 0
    global.get 357
    i32.store 1 offset=1051020
    i32.const 0
    global.get 358
    i32.store 1 offset=1051024
    i32.const 0
    global.get 359
    i32.store 1 offset=1051028
    i32.const 0
    global.get 360
    i32.store 1 offset=1051032
    i32.const 0
    global.get 361
    i32.store 1 offset=1051036
    i32.const 0
    global.get 362
    i32.store 1 offset=1051040
    i32.const 0
    global.get 363
    i32.store 1 offset=1051044
    i32.const 0
    global.get 364
    i32.store 1 offset=1051048
    i32.const 0
    global.get 365
    i32.store 1 offset=1051052
    i32.const 0
    global.get 366
    i32.store 1 offset=1051056
    i32.const 0
    global.get 367
    i32.store 1 offset=1051060
    i32.const 0
    global.get 368
    i32.store 1 offset=1051064
    i32.const 0
    global.get 369
    i32.store 1 offset=1051068
    i32.const 0
    global.get 370
    i32.store 1 offset=1051072
    i32.const 0
    global.get 371
    i32.store 1 offset=1051076
    i32.const 0
    global.get 372
    i32.store 1 offset=1051080
    i32.const 0
    global.get 373
    i32.store 1 offset=1051084
    i32.const 0
    global.get 374
    i32.store 1 offset=1051088
    i32.const 0
    global.get 375
    i32.store 1 offset=1051092
    i32.const 0
    global.get 376
    i32.store 1 offset=1051096
    i32.const 0
    global.get 377
    i32.store 1 offset=1051100
    i32.const 0
    global.get 378
    i32.store 1 offset=1051104
    i32.const 0
    global.get 379
    i32.store 1 offset=1051108
    i32.const 0
    global.get 380
    i32.store 1 offset=1051112
    i32.const 0
    global.get 381
    i32.store 1 offset=1051116
    i32.const 0
    global.get 382
    i32.store 1 offset=1051120
    i32.const 0
    global.get 383
    i32.store 1 offset=1051124
    i32.const 0
    global.get 384
    i32.store 1 offset=1051128
    i32.const 0
    global.get 385
    i32.store 1 offset=1051132
    i32.const 0
    global.get 386
    i32.store 1 offset=1051136
    i32.const 0
    global.get 387
    i32.store 1 offset=1051140
    i32.const 0
    global.get 388
    i32.store 1 offset=1051144
    i32.const 0
    global.get 389
    i32.store 1 offset=1051148
    i32.const 0
    global.get 390
    i32.store 1 offset=1051152
    i32.const 0
    global.get 391
    i32.store 1 offset=1051156
    i32.const 0
    global.get 392
    i32.store 1 offset=1051160
    i32.const 0
    global.get 393
    i32.store 1 offset=1051164
    i32.const 0
    global.get 394
    i32.store 1 offset=1051168
    i32.const 0
    global.get 395
    i32.store 1 offset=1051172
    i32.const 0
    global.get 396
    i32.store 1 offset=1051176
    i32.const 0
    global.get 397
    i32.store 1 offset=1051180
    i32.const 0
    global.get 398
    i32.store 1 offset=1051184
    i32.const 0
    global.get 399
    i32.store 1 offset=1051188
    i32.const 0
    global.get 400
    i32.store 1 offset=1051192
    i32.const 0
    global.get 401
    i32.store 1 offset=1051196
    i32.const 0
    global.get 402
    i32.store 1 offset=1051200
    i32.const 0
    global.get 403
    i32.store 1 offset=1051204
    i32.const 0
    global.get 404
    i32.store 1 offset=1051208
    i32.const 0
    global.get 405
    i32.store 1 offset=1051212
    i32.const 0
    global.get 406
    i32.store 1 offset=1051216
    i32.const 0
    global.get 407
    i32.store 1 offset=1051220
    i32.const 0
    global.get 408
    i32.store 1 offset=1051224
    i32.const 0
    global.get 409
    i32.store 1 offset=1051228
    i32.const 0
    global.get 410
    i32.store 1 offset=1051232
    i32.const 0
    global.get 411
    i32.store 1 offset=1051236
    i32.const 0
    global.get 412
    i32.store 1 offset=1051240
    i32.const 0
    global.get 413
    i32.store 1 offset=1051244
    i32.const 0
    global.get 414
    i32.store 1 offset=1051248
    i32.const 0
    global.get 415
    i32.store 1 offset=1051252
    i32.const 0
    global.get 416
    i32.store 1 offset=1051256
    i32.const 0
    global.get 417
    i32.store 1 offset=1051260
    i32.const 0
    global.get 418
    i32.store 1 offset=1051264
    i32.const 0
    global.get 419
    i32.store 1 offset=1051268
    i32.const 0
    global.get 420
    i32.store 1 offset=1051272
    i32.const 0
    global.get 421
    i32.store 1 offset=1051276
    i32.const 0
    global.get 422
    i32.store 1 offset=1051280
    i32.const 0
    global.get 423
    i32.store 1 offset=1051284
    i32.const 0
    global.get 424
    i32.store 1 offset=1051288
    i32.const 0
    global.get 425
    i32.store 1 offset=1051292
    i32.const 0
    global.get 426
    i32.store 1 offset=1051296
    i32.const 0
    global.get 427
    i32.store 1 offset=1051300
    i32.const 0
    global.get 428
    i32.store 1 offset=1051304
    i32.const 0
    global.get 429
    i32.store 1 offset=1051308
    i32.const 0
    global.get 430
    i32.store 1 offset=1051312
    i32.const 0
    global.get 431
    i32.store 1 offset=1051316
    i32.const 0
    global.get 432
    i32.store 1 offset=1051320
    i32.const 0
    global.get 433
    i32.store 1 offset=1051324
    i32.const 0
    global.get 434
    i32.store 1 offset=1051328
    i32.const 0
    global.get 435
    i32.store 1 offset=1051332
    i32.const 0
    global.get 436
    i32.store 1 offset=1051336
    i32.const 0
    global.get 437
    i32.store 1 offset=1051340
    i32.const 0
    global.get 438
    i32.store 1 offset=1051344
    i32.const 0
    global.get 439
    i32.store 1 offset=1051348
    i32.const 0
    global.get 440
    i32.store 1 offset=1051352
    i32.const 0
    global.get 441
    i32.store 1 offset=1051356
    i32.const 0
    global.get 442
    i32.store 1 offset=1051360
    i32.const 0
    global.get 443
    i32.store 1 offset=1051364
    i32.const 0
    global.get 444
    i32.store 1 offset=1051368
    i32.const 0
    global.get 445
    i32.store 1 offset=1051372
    i32.const 0
    global.get 446
    i32.store 1 offset=1051376
    i32.const 0
    global.get 447
    i32.store 1 offset=1051380
    i32.const 0
    global.get 448
    i32.store 1 offset=1051384
    i32.const 0
    global.get 449
    i32.store 1 offset=1051388
    i32.const 0
    global.get 450
    i32.store 1 offset=1051392
    i32.const 0
    global.get 451
    i32.store 1 offset=1051396
    i32.const 0
    global.get 452
    i32.store 1 offset=1051400
    i32.const 0
    global.get 453
    i32.store 1 offset=1051404
    i32.const 0
    global.get 454
    i32.store 1 offset=1051408
    i32.const 0
    global.get 455
    i32.store 1 offset=1051412
    i32.const 0
    global.get 456
    i32.store 1 offset=1051416
    i32.const 0
    global.get 457
    i32.store 1 offset=1051420
    i32.const 0
    global.get 458
    i32.store 1 offset=1051424
    i32.const 0
    global.get 459
    i32.store 1 offset=1051428
    i32.const 0
    global.get 460
    i32.store 1 offset=1051432
    i32.const 0
    global.get 461
    i32.store 1 offset=1051436
    i32.const 0
    global.get 462
    i32.store 1 offset=1051440
    i32.const 0
    global.get 463
    i32.store 1 offset=1051444
    i32.const 0
    global.get 464
    i32.store 1 offset=1051448
    i32.const 0
    global.get 465
    i32.store 1 offset=1051452
    i32.const 0
    global.get 466
    i32.store 1 offset=1051456
    i32.const 0
    global.get 467
    i32.store 1 offset=1051460
    i32.const 0
    global.get 468
    i32.store 1 offset=1051464
    i32.const 0
    global.get 469
    i32.store 1 offset=1051468
    i32.const 0
    global.get 470
    i32.store 1 offset=1051472
    i32.const 0
    global.get 471
    i32.store 1 offset=1051476
    i32.const 0
    global.get 472
    i32.store 1 offset=1051480
    i32.const 0
    global.get 473
    i32.store 1 offset=1051484
    i32.const 0
    global.get 474
    i32.store 1 offset=1051488
    i32.const 0
    global.get 475
    i32.store 1 offset=1051492
    i32.const 0
    global.get 476
    i32.store 1 offset=1051496
    i32.const 0
    global.get 477
    i32.store 1 offset=1051500
    i32.const 0
    global.get 478
    i32.store 1 offset=1051504
    i32.const 0
    global.get 479
    i32.store 1 offset=1051508
    i32.const 0
    global.get 480
    i32.store 1 offset=1051512
    i32.const 0
    global.get 481
    i32.store 1 offset=1051516
    i32.const 0
    global.get 482
    i32.store 1 offset=1051520
    i32.const 0
    global.get 483
    i32.store 1 offset=1051524
    i32.const 0
    global.get 484
    i32.store 1 offset=1051528
    i32.const 0
    global.get 485
    i32.store 1 offset=1051532
    i32.const 0
    global.get 486
    i32.store 1 offset=1051536
    i32.const 0
    global.get 487
    i32.store 1 offset=1051540
    i32.const 0
    global.get 488
    i32.store 1 offset=1051544
    i32.const 0
    global.get 489
    i32.store 1 offset=1051548
    i32.const 0
    global.get 490
    i32.store 1 offset=1051552
    i32.const 0
    global.get 491
    i32.store 1 offset=1051556
    i32.const 0
    global.get 492
    i32.store 1 offset=1051560
    i32.const 0
    global.get 493
    i32.store 1 offset=1051564
    i32.const 0
    global.get 494
    i32.store 1 offset=1051568
    i32.const 0
    global.get 495
    i32.store 1 offset=1051572
    i32.const 0
    global.get 496
    i32.store 1 offset=1051576
    i32.const 0
    global.get 497
    i32.store 1 offset=1051580
    i32.const 0
    global.get 498
    i32.store 1 offset=1051584
    i32.const 0
    global.get 499
    i32.store 1 offset=1051588
    i32.const 0
    global.get 500
    i32.store 1 offset=1051592
    i32.const 0
    global.get 501
    i32.store 1 offset=1051596
    i32.const 0
    global.get 502
    i32.store 1 offset=1051600
    i32.const 0
    global.get 503
    i32.store 1 offset=1051604
    i32.const 0
    global.get 504
    i32.store 1 offset=1051608
    i32.const 0
    global.get 505
    i32.store 1 offset=1051612
    i32.const 0
    global.get 506
    i32.store 1 offset=1051616
    i32.const 0
    global.get 507
    i32.store 1 offset=1051620
    i32.const 0
    global.get 508
    i32.store 1 offset=1051624
    i32.const 0
    global.get 509
    i32.store 1 offset=1051628
    i32.const 0
    global.get 510
    i32.store 1 offset=1051632
    i32.const 0
    global.get 511
    i32.store 1 offset=1051636
    i32.const 0
    global.get 512
    i32.store 1 offset=1051640
    i32.const 0
    global.get 513
    i32.store 1 offset=1051644
    i32.const 0
    global.get 514
    i32.store 1 offset=1051648
    i32.const 0
    global.get 515
    i32.store 1 offset=1051652
    i32.const 0
    global.get 516
    i32.store 1 offset=1051656
    i32.const 0
    global.get 517
    i32.store 1 offset=1051660
    i32.const 0
    global.get 518
    i32.store 1 offset=1051664
    i32.const 0
    global.get 519
    i32.store 1 offset=1051668
    i32.const 0
    global.get 520
    i32.store 1 offset=1051672
    i32.const 0
    global.get 521
    i32.store 1 offset=1051676
    i32.const 0
    global.get 522
    i32.store 1 offset=1051680
    i32.const 0
    global.get 523
    i32.store 1 offset=1051684
    i32.const 0
    global.get 524
    i32.store 1 offset=1051688
    i32.const 0
    global.get 525
    i32.store 1 offset=1051692
    i32.const 0
    global.get 526
    i32.store 1 offset=1051696
    i32.const 0
    global.get 527
    i32.store 1 offset=1051700
    i32.const 0
    global.get 528
    i32.store 1 offset=1051704
    i32.const 0
    global.get 529
    i32.store 1 offset=1051708
    i32.const 0
    global.get 530
    i32.store 1 offset=1051712
    i32.const 0
    global.get 531
    i32.store 1 offset=1051716
    i32.const 0
    global.get 532
    i32.store 1 offset=1051720
    i32.const 0
    global.get 533
    i32.store 1 offset=1051724
    i32.const 0
    global.get 534
    i32.store 1 offset=1051728
    i32.const 0
    global.get 535
    i32.store 1 offset=1051732
    i32.const 0
    global.get 536
    i32.store 1 offset=1051736
    i32.const 0
    global.get 537
    i32.store 1 offset=1051740
    i32.const 0
    global.get 538
    i32.store 1 offset=1051744
    i32.const 0
    global.get 539
    i32.store 1 offset=1051748
    i32.const 0
    global.get 540
    i32.store 1 offset=1051752
    i32.const 0
    global.get 541
    i32.store 1 offset=1051756
    i32.const 0
    global.get 542
    i32.store 1 offset=1051760
    i32.const 0
    global.get 543
    i32.store 1 offset=1051764
    i32.const 0
    global.get 544
    i32.store 1 offset=1051768
    i32.const 0
    global.get 545
    i32.store 1 offset=1051772
    i32.const 0
    global.get 546
    i32.store 1 offset=1051776
    i32.const 0
    global.get 547
    i32.store 1 offset=1051780
    i32.const 0
    global.get 548
    i32.store 1 offset=1051784
    i32.const 0
    global.get 549
    i32.store 1 offset=1051788
    i32.const 0
    global.get 550
    i32.store 1 offset=1051792
    i32.const 0
    global.get 551
    i32.store 1 offset=1051796
    i32.const 0
    global.get 552
    i32.store 1 offset=1051800
    i32.const 0
    global.get 553
    i32.store 1 offset=1051804
    i32.const 0
    global.get 554
    i32.store 1 offset=1051808
    i32.const 0
    global.get 555
    i32.store 1 offset=1051812
    i32.const 0
    global.get 556
    i32.store 1 offset=1051816
    i32.const 0
    global.get 557
    i32.store 1 offset=1051820
    i32.const 0
    global.get 558
    i32.store 1 offset=1051824
    i32.const 0
    global.get 559
    i32.store 1 offset=1051828
    i32.const 0
    global.get 560
    i32.store 1 offset=1051832
    i32.const 0
    global.get 561
    i32.store 1 offset=1051836
    i32.const 0
    global.get 562
    i32.store 1 offset=1051840
    i32.const 0
    global.get 563
    i32.store 1 offset=1051844
    i32.const 0
    global.get 564
    i32.store 1 offset=1051848
    i32.const 0
    global.get 565
    i32.store 1 offset=1051852
    i32.const 0
    global.get 566
    i32.store 1 offset=1051856
    i32.const 0
    global.get 567
    i32.store 1 offset=1051860
    i32.const 0
    global.get 568
    i32.store 1 offset=1051864
    i32.const 0
    global.get 569
    i32.store 1 offset=1051868
    i32.const 0
    global.get 570
    i32.store 1 offset=1051872
    i32.const 0
    global.get 571
    i32.store 1 offset=1051876
    i32.const 0
    global.get 572
    i32.store 1 offset=1051880
    i32.const 0
    global.get 573
    i32.store 1 offset=1051884
    i32.const 0
    global.get 574
    i32.store 1 offset=1051888
    i32.const 0
    global.get 575
    i32.store 1 offset=1051892
    i32.const 0
    global.get 576
    i32.store 1 offset=1051896
    i32.const 0
    global.get 577
    i32.store 1 offset=1051900
    i32.const 0
    global.get 578
    i32.store 1 offset=1051904
    i32.const 0
    global.get 579
    i32.store 1 offset=1051908
    i32.const 0
    global.get 580
    i32.store 1 offset=1051912
    i32.const 0
    global.get 581
    i32.store 1 offset=1051916
    i32.const 0
    global.get 582
    i32.store 1 offset=1051920
    i32.const 0
    global.get 583
    i32.store 1 offset=1051924
    i32.const 0
    global.get 584
    i32.store 1 offset=1051928
    i32.const 0
    global.get 585
    i32.store 1 offset=1051932
    i32.const 0
    global.get 586
    i32.store 1 offset=1051936
    i32.const 0
    global.get 587
    i32.store 1 offset=1051940
    i32.const 0
    global.get 588
    i32.store 1 offset=1051944
    i32.const 0
    global.get 589
    i32.store 1 offset=1051948
    i32.const 0
    global.get 590
    i32.store 1 offset=1051952
    i32.const 0
    global.get 591
    i32.store 1 offset=1051956
    i32.const 0
    global.get 592
    i32.store 1 offset=1051960
    i32.const 0
    global.get 593
    i32.store 1 offset=1051964
    i32.const 0
    global.get 594
    i32.store 1 offset=1051968
    i32.const 0
    global.get 595
    i32.store 1 offset=1051972
    i32.const 0
    global.get 596
    i32.store 1 offset=1051976
    i32.const 0
    global.get 597
    i32.store 1 offset=1051980
    i32.const 0
    global.get 598
    i32.store 1 offset=1051984
    i32.const 0
    global.get 599
    i32.store 1 offset=1051988
    i32.const 0
    global.get 600
    i32.store 1 offset=1051992
    i32.const 0
    global.get 601
    i32.store 1 offset=1051996
    i32.const 0
    global.get 602
    i32.store 1 offset=1052000
    i32.const 0
    global.get 603
    i32.store 1 offset=1052004
    i32.const 0
    global.get 604
    i32.store 1 offset=1052008
    i32.const 0
    global.get 605
    i32.store 1 offset=1052012
    i32.const 0
    global.get 606
    i32.store 1 offset=1052016
    i32.const 0
    global.get 607
    i32.store 1 offset=1052020
    i32.const 0
    global.get 608
    i32.store 1 offset=1052024
    i32.const 0
    global.get 609
    i32.store 1 offset=1052028
    i32.const 0
    global.get 610
    i32.store 1 offset=1052032
    i32.const 0
    global.get 611
    i32.store 1 offset=1052036
    i32.const 0
    global.get 612
    i32.store 1 offset=1052040
    i32.const 0
    global.get 613
    i32.store 1 offset=1052044
    i32.const 0
    global.get 614
    i32.store 1 offset=1052048
    i32.const 0
    global.get 615
    i32.store 1 offset=1052052
    i32.const 0
    global.get 616
    i32.store 1 offset=1052056
    i32.const 0
    global.get 617
    i32.store 1 offset=1052060
    i32.const 0
    global.get 618
    i32.store 1 offset=1052064
    i32.const 0
    global.get 619
    i32.store 1 offset=1052068
    i32.const 0
    global.get 620
    i32.store 1 offset=1052072
    i32.const 0
    global.get 621
    i32.store 1 offset=1052076
    i32.const 0
    global.get 622
    i32.store 1 offset=1052080
    i32.const 0
    global.get 623
    i32.store 1 offset=1052084
    i32.const 0
    global.get 624
    i32.store 1 offset=1052088
    i32.const 0
    global.get 625
    i32.store 1 offset=1052092
    i32.const 0
    global.get 626
    i32.store 1 offset=1052096
    i32.const 0
    global.get 627
    i32.store 1 offset=1052100
    i32.const 0
    global.get 628
    i32.store 1 offset=1052104
    i32.const 0
    global.get 629
    i32.store 1 offset=1052108
    i32.const 0
    global.get 630
    i32.store 1 offset=1052112
  )
  (data (;0;) (i32.const 1036) "<")
  (data (;1;) (i32.const 1048) "\02\00\00\00(\00\00\00A\00l\00l\00o\00c\00a\00t\00i\00o\00n\00 \00t\00o\00o\00 \00l\00a\00r\00g\00e")
  (data (;2;) (i32.const 1100) "<")
  (data (;3;) (i32.const 1112) "\02\00\00\00 \00\00\00~\00l\00i\00b\00/\00r\00t\00/\00i\00t\00c\00m\00s\00.\00t\00s")
  (data (;4;) (i32.const 1228) "<")
  (data (;5;) (i32.const 1240) "\02\00\00\00$\00\00\00I\00n\00d\00e\00x\00 \00o\00u\00t\00 \00o\00f\00 \00r\00a\00n\00g\00e")
  (data (;6;) (i32.const 1292) ",")
  (data (;7;) (i32.const 1304) "\02\00\00\00\14\00\00\00~\00l\00i\00b\00/\00r\00t\00.\00t\00s")
  (data (;8;) (i32.const 1372) "<")
  (data (;9;) (i32.const 1384) "\02\00\00\00\1e\00\00\00~\00l\00i\00b\00/\00r\00t\00/\00t\00l\00s\00f\00.\00t\00s")
  (data (;10;) (i32.const 1436) "\1c")
  (data (;11;) (i32.const 1448) "\02\00\00\00\08\00\00\00f\00a\00s\00t")
  (data (;12;) (i32.const 1468) "L")
  (data (;13;) (i32.const 1480) "\02\00\00\006\00\00\00S\00M\00A\00 \00p\00e\00r\00i\00o\00d\00 \00m\00u\00s\00t\00 \00b\00e\00 \00p\00o\00s\00i\00t\00i\00v\00e")
  (data (;14;) (i32.const 1548) "L")
  (data (;15;) (i32.const 1560) "\02\00\00\00.\00\00\00g\00u\00e\00s\00t\00-\00s\00d\00k\00/\00i\00n\00d\00i\00c\00a\00t\00o\00r\00s\00.\00t\00s")
  (data (;16;) (i32.const 1628) ",")
  (data (;17;) (i32.const 1640) "\02\00\00\00\1c\00\00\00I\00n\00v\00a\00l\00i\00d\00 \00l\00e\00n\00g\00t\00h")
  (data (;18;) (i32.const 1676) "<")
  (data (;19;) (i32.const 1688) "\02\00\00\00&\00\00\00~\00l\00i\00b\00/\00s\00t\00a\00t\00i\00c\00a\00r\00r\00a\00y\00.\00t\00s")
  (data (;20;) (i32.const 1740) "\1c")
  (data (;21;) (i32.const 1752) "\02\00\00\00\08\00\00\00s\00l\00o\00w")
  (data (;22;) (i32.const 1772) "<")
  (data (;23;) (i32.const 1784) "\02\00\00\00$\00\00\00r\00u\00n\00(\00)\00 \00c\00a\00l\00l\00e\00d\00 \00t\00w\00i\00c\00e")
  (data (;24;) (i32.const 1836) "<")
  (data (;25;) (i32.const 1848) "\02\00\00\00(\00\00\00g\00u\00e\00s\00t\00-\00s\00d\00k\00/\00r\00u\00n\00t\00i\00m\00e\00.\00t\00s")
  (data (;26;) (i32.const 1900) "|")
  (data (;27;) (i32.const 1912) "\02\00\00\00h\00\00\00n\00o\00 \00s\00t\00r\00a\00t\00e\00g\00y\00:\00 \00c\00a\00l\00l\00 \00r\00u\00n\00(\00n\00e\00w\00 \00M\00y\00S\00t\00r\00a\00t\00e\00g\00y\00(\00)\00)\00 \00a\00t\00 \00t\00o\00p\00 \00l\00e\00v\00e\00l")
  (data (;28;) (i32.const 2032) "\0b\00\00\00 \00\00\00 \00\00\00 \00\00\00\00\00\00\00 \00\00\00 ")
  (data (;29;) (i32.const 2068) " \00\00\00 \00\00\00$\1a")
)
